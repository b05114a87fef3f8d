#include "cv/docx_xml.hpp"

#include "core/utf8.hpp"

namespace vitae::cv {

namespace {

// XML 1.0 (section 2.2) cannot carry C0 controls other than tab and line breaks, nor
// U+FFFE and U+FFFF; it can carry DEL and the C1 controls, but Word then reports the
// file as damaged, and they are never text anyway.
bool is_control(std::string_view sequence) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(sequence[i]); };
    switch (sequence.size()) {
        case 1:
            return byte(0) < 0x20 || byte(0) == 0x7F;
        case 2:
            return byte(0) == 0xC2 && byte(1) <= 0x9F;
        case 3:
            return sequence == "\xEF\xBF\xBE" || sequence == "\xEF\xBF\xBF";
        default:
            return false;
    }
}

struct StringWriter : pugi::xml_writer {
    std::string out;
    void write(const void* data, size_t size) override {
        out.append(static_cast<const char*>(data), size);
    }
};

}  // namespace

std::string xml_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = core::utf8_sequence_at(text, i);
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        auto sequence = text.substr(i, length);
        i += length;
        if (sequence == "\t" || sequence == "\n" || sequence == "\r")
            out += ' ';
        else if (!is_control(sequence))
            out += sequence;
    }
    return out;
}

pugi::xml_node start_part(pugi::xml_document& doc, const char* name) {
    auto declaration = doc.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    declaration.append_attribute("standalone") = "yes";
    return doc.append_child(name);
}

std::string xml_bytes(const pugi::xml_document& doc) {
    StringWriter writer;
    doc.save(writer, "", pugi::format_raw, pugi::encoding_utf8);
    return std::move(writer.out);
}

}  // namespace vitae::cv
