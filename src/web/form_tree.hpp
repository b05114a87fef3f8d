#pragma once
// Form fields named like work[0][highlights][1], read into a tree: the way an HTML form
// without JavaScript can post nested lists. Malformed names are ignored; indices are
// only ever map keys, so a huge index cannot make anything large.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitae::web {

class FormTree {
  public:
    // Every "name[a][b]" field of `fields` (urlencoded form fields, as httplib::Params).
    static FormTree parse(const std::multimap<std::string, std::string>& fields);

    // The node at `segments` below this one, or nullptr.
    const FormTree* find(const std::vector<std::string>& segments) const;
    const FormTree* child(const std::string& key) const;
    const std::optional<std::string>& value() const { return value_; }

    // Children whose key is an index ("0", "7"), in numeric order; gaps close up.
    std::vector<const FormTree*> items() const;
    // The values of items(), for a list of texts (items that are not plain values skipped).
    std::vector<std::string> texts() const;

  private:
    void add(const std::vector<std::string>& segments, const std::string& value);

    std::optional<std::string> value_;
    std::map<std::string, FormTree, std::less<>> children_;
};

// "work[0][name]" -> {"work", "0", "name"}; nothing for a malformed or over-deep name.
std::optional<std::vector<std::string>> parse_field_name(std::string_view name);

}  // namespace vitae::web
