#include "ui/edit_fields.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <charconv>

#include "core/date_snap.h"
#include "ui/widgets.h"

namespace meridian::ui {

void TextFields::text(const char* label, const std::string& value, TextCommit commit, float heightLines,
                      const char* hint, float widthPx) {
    const ImGuiID id = ImGui::GetID(label);
    if (heightLines > 0 && m_activeId != id && m_focusId != id) {
        // Dear ImGui's multi-line field does not wrap: show the text wrapped, and
        // edit it (Enter ends, Ctrl+Enter for a new line) once clicked.
        const ImGuiStyle& st = ImGui::GetStyle();
        const float w = widthPx < 0 ? ImGui::GetContentRegionAvail().x : widthPx;
        const float wrap = w - 2 * st.FramePadding.x;
        const bool empty = value.empty();
        const char* shown = empty ? (hint ? hint : "") : value.c_str();
        const ImVec2 ts = ImGui::CalcTextSize(shown, nullptr, false, wrap);
        const float h =
            std::max(ts.y, ImGui::GetTextLineHeight() * std::min(heightLines, 2.0f)) + 2 * st.FramePadding.y;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton(label, ImVec2(w, h))) m_focusId = id;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h),
                          ImGui::GetColorU32(ImGui::IsItemHovered() ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg),
                          st.FrameRounding);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + st.FramePadding.x, p.y + st.FramePadding.y),
                    ImGui::GetColorU32(empty ? ImGuiCol_TextDisabled : ImGuiCol_Text), shown, nullptr, wrap);
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
        return;
    }
    std::string scratch;
    std::string* buf = &scratch;
    if (m_activeId == id) {
        buf = &m_buffer;
        m_seen = true;
    } else {
        scratch = value;
    }
    if (m_focusId == id) {
        ImGui::SetKeyboardFocusHere();
        m_focusId = 0;
    }
    ImGui::SetNextItemWidth(widthPx);
    if (heightLines > 0)
        ImGui::InputTextMultiline(label, buf, ImVec2(widthPx, ImGui::GetTextLineHeight() * heightLines + 8),
                                  ImGuiInputTextFlags_CtrlEnterForNewLine);
    else if (hint)
        ImGui::InputTextWithHint(label, hint, buf);
    else
        ImGui::InputText(label, buf);
    if (ImGui::IsItemActivated()) {
        if (m_activeId != 0 && m_activeId != id) endFrame();  // another field was left in the same frame
        m_activeId = id;
        m_buffer = *buf;
        m_initial = value;
        m_commit = std::move(commit);
        m_seen = true;
    } else if (m_activeId == id && ImGui::IsItemDeactivated()) {
        m_activeId = 0;
        if (m_buffer != m_initial && m_commit) m_commit(m_buffer);
        m_commit = nullptr;
    }
}

void TextFields::endFrame() {
    if (m_activeId != 0 && !m_seen) {
        // The field went away while being edited (another event was selected): keep what was typed.
        if (m_buffer != m_initial && m_commit) m_commit(m_buffer);
        m_activeId = 0;
        m_commit = nullptr;
    }
    m_seen = false;
}

void dateField(Context& c, TextFields& fields, const char* id, const Date& date, std::function<void(Date)> apply) {
    IdScope scope(id);
    const float sc = c.scale();
    const CivilDate cd = date.civil();
    const DatePrecision p = date.precision();
    const float em = ImGui::GetFontSize();
    // Year
    ImGui::BeginGroup();
    {
        const std::string yearText = std::to_string(cd.year);
        fields.text(
            "##year", yearText,
            [apply, date](const std::string& text) {
                std::int64_t year = 0;
                const char* b = text.data();
                while (*b == ' ') ++b;
                const auto r = std::from_chars(b, text.data() + text.size(), year);
                if (r.ec != std::errc() || year < -1000000000 || year > 1000000000) return;
                const CivilDate old = date.civil();
                const int day = std::min(old.day, daysInMonth(year, old.month));
                if (auto d = dateFromParts(year, old.month, day, date.precision())) apply(*d);
            },
            0, nullptr, 5 * em);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Year (negative before year 1: -43 is 44 BC)");
    }
    // Month
    if (p != DatePrecision::Year) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(7.5f * em);
        if (ImGui::BeginCombo("##month", monthName(cd.month))) {
            for (int m = 1; m <= 12; ++m)
                if (ImGui::Selectable(monthName(m), m == cd.month)) {
                    const int day = std::min(cd.day, daysInMonth(cd.year, m));
                    if (auto d = dateFromParts(cd.year, m, day, p)) apply(*d);
                }
            ImGui::EndCombo();
        }
    }
    // Day
    if (p == DatePrecision::Day) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(3.6f * em);
        const std::string dayText = std::to_string(cd.day);
        if (ImGui::BeginCombo("##day", dayText.c_str(), ImGuiComboFlags_HeightLarge)) {
            for (int day = 1; day <= daysInMonth(cd.year, cd.month); ++day)
                if (ImGui::Selectable(std::to_string(day).c_str(), day == cd.day))
                    apply(Date::fromCivil(cd.year, cd.month, day));
            ImGui::EndCombo();
        }
    }
    ImGui::EndGroup();
    // Precision: beside when there is room, else below.
    const float precisionW = 6.5f * em;
    if (ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x > precisionW + 10 * sc) ImGui::SameLine();
    ImGui::SetNextItemWidth(precisionW);
    if (ImGui::BeginCombo("##precision", precisionLabel(p))) {
        for (DatePrecision q : {DatePrecision::Year, DatePrecision::Month, DatePrecision::Day})
            if (ImGui::Selectable(precisionLabel(q), q == p)) apply(withPrecision(date, q));
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("How precisely the date is known: the whole year, a month, or the day");
}

void fieldProblems(const Context& c, const std::vector<const FieldProblem*>& problems) {
    for (const FieldProblem* p : problems) {
        const std::string& text = p->message;
        if (p->severity == Severity::Error)
            errorText(c, text.c_str());
        else
            warningText(c, text.c_str());
    }
}

void fieldLabel(const Context& c, const char* label) {
    ImGui::Spacing();
    FontScope bold(c.fonts.bold);
    ImGui::TextDisabled("%s", label);
}

}  // namespace meridian::ui
