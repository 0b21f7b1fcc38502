// Work on its own thread with a progress fraction and Cancel: the import
// dialog's reading and importing, opening a big file. The worker fills the
// result, then sets done; the UI thread takes the result after done. The
// browser build has one thread: there the work runs at once, in the constructor.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <thread>
#include <utility>

#include "io/import/import_progress.h"

namespace meridian::ui {

template <typename Result>
class BackgroundJob {
public:
    // work(progress): report fractions through progress, stop when progress.cancelled().
    explicit BackgroundJob(std::function<Result(const io::ImportProgress&)> work, double startedSec = 0)
        : m_startedSec(startedSec) {
        m_progress.cancel = &m_cancel;
        m_progress.report = [this](double f) { m_fraction = f; };
#ifdef __EMSCRIPTEN__
        m_result = work(m_progress);
        m_done = true;
#else
        m_thread = std::thread([this, work = std::move(work)] {
            m_result = work(m_progress);
            m_done = true;
        });
#endif
    }
    BackgroundJob(const BackgroundJob&) = delete;
    BackgroundJob& operator=(const BackgroundJob&) = delete;
    ~BackgroundJob() {  // cancels a running job and waits for it
        m_cancel = true;
        if (m_thread.joinable()) m_thread.join();
    }

    bool done() const {
        return m_done;
    }
    double fraction() const {
        return m_fraction;
    }
    double startedSec() const {
        return m_startedSec;
    }
    void cancel() {
        m_cancel = true;
    }
    bool cancelling() const {
        return m_cancel;
    }
    // After done(): the result (once).
    Result take() {
        if (m_thread.joinable()) m_thread.join();
        return std::move(*m_result);
    }

private:
    std::atomic<bool> m_cancel{false}, m_done{false};
    std::atomic<double> m_fraction{0};
    double m_startedSec = 0;
    io::ImportProgress m_progress;
    std::optional<Result> m_result;
    std::thread m_thread;  // last: started once the rest exists
};

}  // namespace meridian::ui
