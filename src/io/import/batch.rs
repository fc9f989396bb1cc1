//! Importing many files with progress and cancellation, for a worker thread: the GUI runs
//! [`import_files`] off the UI thread, shows `done / total` in a progress bar, and stops it with
//! the callback's return value or the options' cancel flag.

use super::{ImportError, ImportOptions, Imported, import_file};
use std::ops::ControlFlow;
use std::path::PathBuf;

/// The result of a batch: one entry per file that was attempted, in order.
#[derive(Debug, Default)]
pub struct BatchOutcome {
    /// Each attempted file with its result.
    pub results: Vec<(PathBuf, Result<Imported, ImportError>)>,
    /// Whether the batch stopped early; files after the last result were not attempted.
    pub cancelled: bool,
    /// For a check of news feeds: the subscriptions as they are after it (entries seen, titles,
    /// check time), to be stored with the documents in one step.
    pub feeds: Option<Vec<crate::model::FeedSubscription>>,
    /// For a check of news feeds: feeds that could not be read, each naming its address.
    pub feed_errors: Vec<String>,
}

impl BatchOutcome {
    /// The documents that were imported.
    pub fn imported(&self) -> impl Iterator<Item = &Imported> {
        self.results.iter().filter_map(|(_, r)| r.as_ref().ok())
    }

    /// The errors, each naming its file.
    pub fn errors(&self) -> impl Iterator<Item = &ImportError> {
        self.results.iter().filter_map(|(_, r)| r.as_ref().err())
    }
}

/// Imports `paths` one after the other; an `http(s)://` "path" is fetched from the web. After each file, `progress(done, total)` is called;
/// returning `ControlFlow::Break(())` (or setting `opts.cancel`) stops the batch. An error on one
/// file does not stop the others. Nothing is added to any workspace: the caller adds the results
/// with [`super::add_to_workspace`] on its own thread.
pub fn import_files(
    paths: &[PathBuf],
    opts: &ImportOptions,
    mut progress: impl FnMut(usize, usize) -> ControlFlow<()>,
) -> BatchOutcome {
    let total = paths.len();
    let mut out = BatchOutcome::default();
    for (i, path) in paths.iter().enumerate() {
        if opts.cancelled() {
            out.cancelled = true;
            break;
        }
        let result = match path
            .to_str()
            .filter(|s| crate::io::fetch::is_web_address(s))
        {
            Some(url) => super::import_url(url, opts, &crate::io::fetch::FetchOptions::default()),
            None => import_file(path, opts),
        };
        if matches!(result, Err(ImportError::Cancelled { .. })) {
            out.cancelled = true;
            break;
        }
        out.results.push((path.clone(), result));
        if progress(i + 1, total).is_break() {
            out.cancelled = i + 1 < total;
            break;
        }
    }
    out
}
