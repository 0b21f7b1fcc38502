// Form fields for the editor: text that becomes an edit when the person is
// done with it (the field loses the keyboard, or Enter), so that typing a
// title is one step in the history, not one per letter; a date with its
// precision; the live validation's problems under the field they concern.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/date.h"
#include "session/field_problems.h"
#include "ui/context.h"

namespace meridian::ui {

using TextCommit = std::function<void(const std::string&)>;

class TextFields {
public:
    // A text field showing `value`; once edited and left, commit(new text) is
    // called (also when the field disappears while being edited: the
    // selection changed). heightLines > 0: a multi-line field that tall.
    // widthPx < 0: to the end of the line.
    void text(const char* label, const std::string& value, TextCommit commit, float heightLines = 0,
              const char* hint = nullptr, float widthPx = -1);
    // After the frame's fields: commits an edit whose field was not drawn.
    void endFrame();
    bool editing() const { return m_activeId != 0; }

private:
    unsigned m_activeId = 0;
    unsigned m_focusId = 0;  // a wrapped multi-line field clicked: edit it next frame
    std::string m_buffer, m_initial;
    TextCommit m_commit;
    bool m_seen = false;
};

// A date: year (typed), month and day (lists) as far as the precision goes,
// and the precision (year / month / day). apply(new date) when one changes.
void dateField(Context& c, TextFields& fields, const char* id, const Date& date, std::function<void(Date)> apply);

// Problems found by the live validation, in the error colour, under a field.
void fieldProblems(const Context& c, const std::vector<const FieldProblem*>& problems);
// A label above a field (muted, small caps style of the details panel).
void fieldLabel(const Context& c, const char* label);

}  // namespace meridian::ui
