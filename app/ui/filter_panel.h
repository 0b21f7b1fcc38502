// Filters: narrow the history down by category, confidence, source kind,
// actor, country, tag and dates. Every change applies to the table, the
// timeline and the map at once (one mask in the session).
#pragma once

#include "ui/context.h"

namespace meridian::ui {

class FilterPanel {
public:
    void draw(Context& c);

private:
    char m_from[16] = "", m_to[16] = "";  // the date fields while typing
};

}  // namespace meridian::ui
