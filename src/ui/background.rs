//! Background work that nobody waits on (extraction of a large document, findings and the
//! money-flow network over a large workspace, freeing a replaced workspace) runs on threads at
//! the lowest scheduling priority. On a machine with few cores the UI thread then wins every
//! scheduler decision against its own workers: at normal priority a worker could take the UI
//! thread's core for a whole scheduler tick (4 ms on a 250 Hz kernel), a frame's whole budget.
//! Work the user waits for (opening, importing) keeps normal priority: on a busy machine a
//! lowest-priority open would crawl.

use std::thread::JoinHandle;

/// Runs `work` on a new low-priority thread.
pub fn spawn<T, F>(work: F) -> JoinHandle<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    std::thread::spawn(move || {
        lower_priority();
        work()
    })
}

/// Lowers the calling thread's priority as far as an unprivileged process may (nice 19 on
/// Linux). A failure only costs smoothness, so it is logged, not reported.
pub fn lower_priority() {
    if let Err(e) =
        thread_priority::set_current_thread_priority(thread_priority::ThreadPriority::Min)
    {
        tracing::debug!("could not lower a worker thread's priority: {e:?}");
    }
}

#[cfg(test)]
mod tests {
    /// The nice value of the calling thread, from `/proc/thread-self/stat` (field 19).
    #[cfg(target_os = "linux")]
    fn nice() -> i64 {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").expect("thread stat");
        // The command name (field 2) may hold spaces; fields after its closing parenthesis.
        let rest = &stat[stat.rfind(')').expect("comm") + 2..];
        rest.split(' ')
            .nth(16)
            .expect("field 19")
            .parse()
            .expect("a number")
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn workers_run_below_the_ui_threads_priority() {
        let ui = nice();
        let worker = super::spawn(nice).join().expect("worker");
        assert!(worker > ui, "worker nice {worker}, UI thread nice {ui}");
        assert_eq!(nice(), ui, "the caller's priority is unchanged");
    }
}
