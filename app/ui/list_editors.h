// The dataset's own lists, each editable in a tab of one window: its
// description (title, licence, authors), places (name, coordinates typed by
// hand), sources, categories (colour, lane order) and actors. Deleting a
// record that events still use says which events, and keeps it.
#pragma once

#include <cstdint>
#include <string>

#include "ui/context.h"
#include "ui/edit_fields.h"

namespace meridian::ui {

class ListEditors {
public:
    void draw(Context& c);
    void endFrame() { m_fields.endFrame(); }

private:
    void drawInfo(Context& c);
    void drawPlaces(Context& c);
    void drawSources(Context& c);
    void drawCategories(Context& c);
    void drawActors(Context& c);
    // A text field of a record, committed as "edit the place Tehran".
    template <typename T>
    void recordText(Context& c, RecordKind kind, const T& record, const char* label, std::string T::*member,
                    const char* hint = nullptr);
    void deleteButton(Context& c, RecordKind kind, Index at);

    TextFields m_fields;
    std::string m_filter, m_message;
    std::uint64_t m_colorDrag = 0;
};

}  // namespace meridian::ui
