// SHA-256 of bytes, files and package directories through OpenSSL's EVP interface (libcrypto):
// the hashes of the output stamp and manifest.json (ricardo/run_stamp.hpp).
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <memory>

#include "ricardo/error.hpp"
#include "ricardo/run_stamp.hpp"

namespace ricardo {
namespace {

class Sha256 {
 public:
  Sha256() : context_(EVP_MD_CTX_new(), &EVP_MD_CTX_free) {
    if (!context_ || EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr) != 1)
      throw InternalError("OpenSSL could not start a SHA-256 digest");
  }
  void Add(const char* bytes, std::size_t size) {
    if (size > 0 && EVP_DigestUpdate(context_.get(), bytes, size) != 1)
      throw InternalError("OpenSSL SHA-256 update failed");
  }
  std::string HexDigest() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_DigestFinal_ex(context_.get(), digest.data(), &size) != 1)
      throw InternalError("OpenSSL SHA-256 final failed");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int k = 0; k < size; ++k) {
      hex += kHex[digest[k] >> 4];
      hex += kHex[digest[k] & 0xF];
    }
    return hex;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context_;
};

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  Sha256 digest;
  digest.Add(bytes.data(), bytes.size());
  return digest.HexDigest();
}

std::string FileSha256(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw NotFoundError(Location{file.string(), 0, 0, {}}, "cannot read the file to hash it");
  Sha256 digest;
  std::array<char, 1 << 16> buffer{};
  while (in) {
    in.read(buffer.data(), buffer.size());
    digest.Add(buffer.data(), static_cast<std::size_t>(in.gcount()));
  }
  return digest.HexDigest();
}

std::string PackageSha256(const std::filesystem::path& directory) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(directory))
    throw NotFoundError(Location{directory.string(), 0, 0, {}},
                        "no such package directory to hash");
  std::vector<std::string> files;
  for (auto it = fs::recursive_directory_iterator(directory);
       it != fs::recursive_directory_iterator(); ++it) {
    // Hidden entries (editor backups, .git) are not part of the package.
    if (it->path().filename().string().starts_with(".")) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file())
      files.push_back(fs::relative(it->path(), directory).generic_string());
  }
  std::sort(files.begin(), files.end());  // byte order, as LC_ALL=C sort
  std::string listing;
  for (const auto& f : files) listing += FileSha256(directory / f) + "  " + f + "\n";
  return Sha256Hex(listing);
}

}  // namespace ricardo
