#include "web/cv_form_op.hpp"

#include <algorithm>
#include <charconv>

#include "core/error.hpp"
#include "web/cv_form_schema.hpp"

namespace vitae::web {

namespace {

using nlohmann::json;

[[noreturn]] void refuse() {
    throw Error(ErrorCode::bad_request, "The editor does not know that button.");
}

std::optional<std::size_t> index_of(std::string_view text) {
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || text.size() > 6 || ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return n;
}

std::optional<CvFormOp::Kind> kind_of(std::string_view name) {
    using K = CvFormOp::Kind;
    if (name == "add")
        return K::add;
    if (name == "remove")
        return K::remove;
    if (name == "move_up")
        return K::move_up;
    if (name == "move_down")
        return K::move_down;
    return std::nullopt;
}

// {"work"}, {"basics","profiles"} or {"work","2","highlights"}: a list section, or a list
// of texts of one entry of one.
bool known_list(const std::vector<std::string>& path) {
    auto* section = find_cv_form_section(path.front());
    if (path.size() == 2 && path[0] == "basics")
        section = find_cv_form_section("basics." + path[1]);
    if (section && !section->single() && split_path(section->path).size() == path.size())
        return true;
    if (path.size() < 3 || !index_of(path[path.size() - 2]))
        return false;
    std::vector<std::string> head(path.begin(), path.end() - 2);
    std::string dotted = head[0] + (head.size() > 1 ? "." + head[1] : "");
    section = find_cv_form_section(dotted);
    return section && !section->single() && split_path(section->path).size() == head.size() &&
           section->list(path.back());
}

bool is_text_list(const std::vector<std::string>& path) {
    return path.size() >= 3 && index_of(path[path.size() - 2]).has_value();
}

// The array at `path`, created when absent (and `create`), or nullptr when a step is
// missing. Throws when something of the wrong type is in the way.
json* list_at(json& doc, const std::vector<std::string>& path, bool create) {
    json* node = &doc;
    for (std::size_t i = 0; i < path.size(); ++i) {
        bool last = i + 1 == path.size();
        if (node->is_array()) {
            auto index = index_of(path[i]);
            if (!index || *index >= node->size())
                return nullptr;
            node = &(*node)[*index];
            continue;
        }
        if (!node->is_object())
            throw Error(ErrorCode::bad_request, "That part of the CV cannot be edited here.");
        if (!node->contains(path[i])) {
            if (!create)
                return nullptr;
            (*node)[path[i]] = last ? json::array() : json::object();
        }
        node = &(*node)[path[i]];
    }
    if (!node->is_array())
        throw Error(ErrorCode::bad_request, "That part of the CV cannot be edited here.");
    return node;
}

std::string item_id(const std::vector<std::string>& list, std::size_t index) {
    auto segments = list;
    segments.push_back(std::to_string(index));
    return element_id(segments);
}

// The first field of a new entry of the section the list belongs to.
std::string first_field_id(const std::vector<std::string>& list, std::size_t index) {
    std::string dotted = list[0] + (list.size() > 1 ? "." + list[1] : "");
    const auto* section = find_cv_form_section(dotted);
    auto first = split_path(section->fields.front().key);
    auto segments = list;
    segments.push_back(std::to_string(index));
    segments.insert(segments.end(), first.begin(), first.end());
    return element_id(segments);
}

}  // namespace

CvFormOp CvFormOp::parse(std::string_view text) {
    auto colon = text.find(':');
    if (colon == std::string_view::npos)
        refuse();
    auto kind = kind_of(text.substr(0, colon));
    auto rest = text.substr(colon + 1);
    auto second = rest.find(':');
    CvFormOp op;
    if (!kind)
        refuse();
    op.kind = *kind;
    op.list = split_path(rest.substr(0, second));
    bool wants_index = op.kind != Kind::add;
    if (wants_index != (second != std::string_view::npos) || !known_list(op.list))
        refuse();
    if (wants_index) {
        auto index = index_of(rest.substr(second + 1));
        if (!index)
            refuse();
        op.index = *index;
    }
    return op;
}

std::string CvFormOp::apply(json& doc) const {
    json* list = list_at(doc, this->list, kind == Kind::add);
    std::string add_button = element_id(this->list) + "-add";
    if (kind == Kind::add) {
        if (!list)
            return add_button;  // the entry holding it is gone
        bool texts_only = std::all_of(list->begin(), list->end(),
                                      [](const json& item) { return item.is_string(); });
        if (is_text_list(this->list) && !texts_only)
            throw Error(ErrorCode::bad_request, "That list holds more than texts.");
        list->push_back(is_text_list(this->list) ? json("") : json::object());
        auto index = list->size() - 1;
        return is_text_list(this->list) ? item_id(this->list, index)
                                        : first_field_id(this->list, index);
    }
    if (!list || index >= list->size())
        return add_button;
    if (kind == Kind::remove) {
        list->erase(list->begin() + static_cast<std::ptrdiff_t>(index));
        return add_button;
    }
    bool up = kind == Kind::move_up;
    if ((up && index == 0) || (!up && index + 1 == list->size()))
        return item_id(this->list, index) + (up ? "-down" : "-up");
    std::size_t to = up ? index - 1 : index + 1;
    std::swap((*list)[index], (*list)[to]);
    // The same button again, so pressing it repeatedly keeps moving the entry; at the
    // end of the list, the other direction's.
    bool at_end = up ? to == 0 : to + 1 == list->size();
    return item_id(this->list, to) + ((up != at_end) ? "-up" : "-down");
}

}  // namespace vitae::web
