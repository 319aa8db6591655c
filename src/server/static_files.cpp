#include "server/static_files.hpp"

#include "core/regular_file.hpp"

namespace ricardo::server {
namespace {

std::string MediaType(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  return "application/octet-stream";
}

constexpr const char* kNotBuiltPage = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ricardo — dashboard not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem}
code,pre{background:#f3f3f3;padding:.1rem .3rem}</style></head><body>
<h1>The dashboard has not been built</h1>
<p>This <code>ricardo serve</code> found no built web files, so it serves the HTTP API only:
try <a href="/api/v1/health">/api/v1/health</a> or <a href="/api/v1/scenarios">/api/v1/scenarios</a>
(reference: <code>docs/api.md</code>).</p>
<p>To build the page (needs Node.js and npm once; the server itself never needs them):</p>
<pre>scripts/install-deps.sh        # npm ci in web/
(cd web &amp;&amp; npm run build)     # writes web/dist/</pre>
<p>then restart <code>ricardo serve</code>, or point it at a built copy with
<code>--web-dir DIR</code> or <code>RICARDO_WEB_DIR</code>.</p>
</body></html>
)";

}  // namespace

StaticFiles::StaticFiles(const std::filesystem::path& directory) {
  std::error_code ec;
  if (directory.empty() || !std::filesystem::is_directory(directory, ec)) return;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(directory, ec)) {
    if (!entry.is_regular_file(ec)) continue;
    std::string key(1, '/');
    key += std::filesystem::relative(entry.path(), directory, ec).generic_string();
    // Held in memory while serving: capped at kMaxWebAssetBytes, a pipe or device refused.
    files_[key] = File{detail::ReadRegularFile(entry.path(), detail::kWebAssetFileKind),
                       MediaType(entry.path())};
  }
}

bool StaticFiles::Serve(const std::string& path, HttpResponse& response) const {
  const std::string key = path == "/" ? "/index.html" : path;
  const auto it = files_.find(key);
  if (it == files_.end()) {
    if (path == "/" && files_.empty()) {
      response.SetContent(kNotBuiltPage, "text/html; charset=utf-8");
      return true;
    }
    return false;
  }
  // Vite names assets by content hash, so they never change under the same name.
  response.headers.Set("Cache-Control", key.starts_with("/assets/")
                                            ? "public, max-age=31536000, immutable"
                                            : "no-cache");
  response.SetContent(it->second.content, it->second.media_type);
  return true;
}

}  // namespace ricardo::server
