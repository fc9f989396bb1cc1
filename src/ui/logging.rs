//! Logging: `tracing` events go to a daily-rotated file in the app's data folder (seven files
//! kept), written off the UI thread by `tracing-appender`. `RUST_LOG` overrides the level
//! (default `info` for claimbench, `warn` for everything else).

use std::path::{Path, PathBuf};

/// How many daily log files are kept.
pub const KEPT_FILES: usize = 7;

/// The folder log files go to.
pub fn log_dir() -> Option<PathBuf> {
    super::data_dir().map(|d| d.join("logs"))
}

/// Starts logging to `dir`; keep the returned guard alive until exit (it flushes the file).
/// Returns `None` (and logs nothing) when the folder cannot be created.
pub fn init(dir: &Path) -> Option<tracing_appender::non_blocking::WorkerGuard> {
    use tracing_subscriber::EnvFilter;
    std::fs::create_dir_all(dir).ok()?;
    let appender = tracing_appender::rolling::RollingFileAppender::builder()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("claimbench")
        .filename_suffix("log")
        .max_log_files(KEPT_FILES)
        .build(dir)
        .ok()?;
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("warn,claimbench=info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false)
        .try_init()
        .ok()?;
    tracing::info!("claimbench {} started", env!("CARGO_PKG_VERSION"));
    Some(guard)
}
