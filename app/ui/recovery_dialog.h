// After a crash: "Meridian was not closed normally; unsaved changes to FILE
// were kept. Restore them?" Restore / Discard. The app finds the recovery file
// (io/recovery) and carries out the choice.
#pragma once

#include <string>

#include "ui/context.h"

namespace meridian::ui {

enum class RecoveryChoice { None, Restore, Discard };

class RecoveryDialog {
public:
    // file: the data file's name; savedAt: when the recovery was written ("2026-11-29 21:40").
    void offer(std::string file, std::string savedAt, std::string summary);
    bool isOpen() const { return m_open; }
    void close() { m_open = false; }
    RecoveryChoice draw(Context& c);

private:
    bool m_open = false;
    std::string m_file, m_savedAt, m_summary;
};

}  // namespace meridian::ui
