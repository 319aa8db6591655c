// The dashboard's built files (web/dist), read into memory when the server starts so that
// requests never touch the file system with a client's path.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "server/http_message.hpp"

namespace ricardo::server {

class StaticFiles {
 public:
  // Reads every file under `directory` (empty or missing: no dashboard).
  explicit StaticFiles(const std::filesystem::path& directory);
  bool available() const { return !files_.empty(); }
  // Serves GET/HEAD `path` ("/" is index.html). False if there is no such file. Without a built
  // dashboard "/" is a page saying how to build it.
  bool Serve(const std::string& path, HttpResponse& response) const;

 private:
  struct File {
    std::string content;
    std::string media_type;
  };
  std::map<std::string, File> files_;  // "/assets/index-abc123.js" → file
};

}  // namespace ricardo::server
