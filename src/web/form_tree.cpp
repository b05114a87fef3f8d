#include "web/form_tree.hpp"

#include <algorithm>

namespace vitae::web {

namespace {

// basics[profiles][0][url] is the deepest name the editor uses.
constexpr std::size_t kMaxDepth = 6;
// Six digits are more entries than a 1 MiB résumé can hold, and keep stoul safe.
constexpr std::size_t kMaxIndexDigits = 6;

bool is_index(std::string_view s) {
    return !s.empty() && s.size() <= kMaxIndexDigits &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<std::vector<std::string>> parse_field_name(std::string_view name) {
    auto open = name.find('[');
    std::vector<std::string> segments{std::string(name.substr(0, open))};
    if (segments.front().empty() || segments.front().find(']') != std::string::npos)
        return std::nullopt;
    while (open != std::string_view::npos) {
        name.remove_prefix(open + 1);
        auto close = name.find(']');
        if (close == 0 || close == std::string_view::npos)
            return std::nullopt;
        auto segment = name.substr(0, close);
        if (segment.find('[') != std::string_view::npos)
            return std::nullopt;
        segments.emplace_back(segment);
        name.remove_prefix(close + 1);
        if (!name.empty() && name.front() != '[')
            return std::nullopt;
        open = name.empty() ? std::string_view::npos : 0;
    }
    if (segments.size() > kMaxDepth)
        return std::nullopt;
    return segments;
}

FormTree FormTree::parse(const std::multimap<std::string, std::string>& fields) {
    FormTree root;
    for (const auto& [name, value] : fields) {
        if (auto segments = parse_field_name(name))
            root.add(*segments, value);
    }
    return root;
}

// A name posted twice keeps its first value; a node is a value or a parent, and the
// first posted field decides which.
void FormTree::add(const std::vector<std::string>& segments, const std::string& value) {
    FormTree* node = this;
    for (const auto& segment : segments) {
        if (node->value_)
            return;
        node = &node->children_[segment];
    }
    if (!node->value_ && node->children_.empty())
        node->value_ = value;
}

const FormTree* FormTree::child(const std::string& key) const {
    auto it = children_.find(key);
    return it == children_.end() ? nullptr : &it->second;
}

const FormTree* FormTree::find(const std::vector<std::string>& segments) const {
    const FormTree* node = this;
    for (const auto& segment : segments) {
        node = node->child(segment);
        if (!node)
            return nullptr;
    }
    return node;
}

std::vector<const FormTree*> FormTree::items() const {
    std::vector<std::pair<unsigned long, const FormTree*>> indexed;
    for (const auto& [key, node] : children_) {
        if (is_index(key))
            indexed.emplace_back(std::stoul(key), &node);
    }
    std::sort(indexed.begin(), indexed.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<const FormTree*> out;
    for (const auto& [index, node] : indexed)
        out.push_back(node);
    return out;
}

std::vector<std::string> FormTree::texts() const {
    std::vector<std::string> out;
    for (const auto* item : items()) {
        if (item->value_)
            out.push_back(*item->value_);
    }
    return out;
}

}  // namespace vitae::web
