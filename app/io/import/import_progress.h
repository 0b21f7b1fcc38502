// Progress and cancel for long imports: the app runs them on a worker thread,
// shows the fraction in a progress bar and sets the flag when the user presses
// Cancel. Readers check the flag every few thousand rows and stop with a result
// that says it was cancelled (the app then keeps its current data).
#pragma once

#include <atomic>
#include <functional>

namespace meridian::io {

struct ImportProgress {
    // Called on the working thread with the fraction done (0..1), every few
    // thousand rows; may be empty. Keep it cheap (store into an atomic).
    std::function<void(double fraction)> report;
    // Owned by the caller, set from any thread to stop; may be null.
    const std::atomic<bool>* cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void at(double fraction) const {
        if (report) report(fraction);
    }
};

}  // namespace meridian::io
