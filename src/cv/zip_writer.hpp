#pragma once
// A zip archive built in memory with libarchive: the container of a DOCX file.
#include <memory>
#include <string>
#include <string_view>

struct archive;

namespace vitae::cv {

class ZipWriter {
  public:
    ZipWriter();
    ~ZipWriter();
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // Adds a deflated file. Throws vitae::Error(internal) when libarchive fails.
    void add(const std::string& name, std::string_view bytes);

    // Writes the central directory and returns the archive's bytes; add() no more after.
    std::string finish();

  private:
    struct Free {
        void operator()(archive* a) const;
    };
    // Declared first so that it outlives the archive, which may still write on freeing.
    std::unique_ptr<std::string> out_;  // libarchive keeps a pointer to it: never moves
    std::unique_ptr<archive, Free> archive_;
};

}  // namespace vitae::cv
