//! Logs reach a file in the given folder (the app passes its data folder's `logs/`).

#[test]
fn events_are_written_to_a_daily_log_file() {
    let dir = tempfile::tempdir().unwrap();
    let guard = claimbench::ui::logging::init(dir.path()).expect("logging starts");
    tracing::info!(target: "claimbench::ui::app", "opened workspace deals.ron");
    tracing::debug!(target: "claimbench::ui::app", "not at the default level");
    drop(guard); // flushes the background writer
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("claimbench.") && name.ends_with(".log"),
        "{name}"
    );
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        text.contains("claimbench") && text.contains("started"),
        "{text}"
    );
    assert!(text.contains("opened workspace deals.ron"), "{text}");
    assert!(!text.contains("not at the default level"), "{text}");
}
