//! Recovery copies: while a workspace has unsaved changes the app writes a copy of it to the
//! app's data folder (never over the user's file), so a crash loses at most one autosave
//! interval. On the next open of the same workspace the copy is offered for restore; a save or a
//! clean exit removes it.

use super::SaveError;
use crate::model::Workspace;
use std::path::{Path, PathBuf};

/// The recovery file for a workspace path (or for the never-saved workspace) in `dir`.
pub fn recovery_path(dir: &Path, workspace: Option<&Path>) -> PathBuf {
    match workspace {
        None => dir.join("untitled.recovery.ron"),
        Some(p) => {
            use std::hash::{Hash, Hasher};
            let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_owned());
            let mut h = std::collections::hash_map::DefaultHasher::new();
            abs.hash(&mut h);
            let stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let stem: String = stem
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                .take(40)
                .collect();
            dir.join(format!("{stem}-{:016x}.recovery.ron", h.finish()))
        }
    }
}

/// Writes the recovery copy (atomically; no backup).
pub fn write_recovery(
    dir: &Path,
    workspace: Option<&Path>,
    ws: &Workspace,
) -> Result<PathBuf, SaveError> {
    std::fs::create_dir_all(dir).map_err(|source| SaveError::Io {
        path: dir.to_owned(),
        source,
    })?;
    let path = recovery_path(dir, workspace);
    let text = super::to_ron_string(ws)?;
    super::save::write_atomic(&path, text.as_bytes(), false)?;
    Ok(path)
}

/// The recovery copy for a workspace, if one exists and loads.
pub fn read_recovery(dir: &Path, workspace: Option<&Path>) -> Option<Workspace> {
    super::load_workspace(&recovery_path(dir, workspace)).ok()
}

/// Removes the recovery copy (nothing to do if there is none).
pub fn remove_recovery(dir: &Path, workspace: Option<&Path>) {
    let _ = std::fs::remove_file(recovery_path(dir, workspace));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_copies_round_trip_and_never_touch_the_workspace_file() {
        let dir = tempfile::tempdir().unwrap();
        let ws_path = dir.path().join("deals.ron");
        let ws = crate::sample::sample_workspace().unwrap();
        crate::io::save_workspace(&ws, &ws_path).unwrap();
        let before = std::fs::read(&ws_path).unwrap();
        let mut edited = ws.clone();
        edited.title = "edited".into();
        let rec_dir = dir.path().join("recovery");
        let rec = write_recovery(&rec_dir, Some(&ws_path), &edited).unwrap();
        assert_ne!(rec, ws_path);
        assert_eq!(
            std::fs::read(&ws_path).unwrap(),
            before,
            "the user's file is untouched"
        );
        assert_eq!(read_recovery(&rec_dir, Some(&ws_path)), Some(edited));
        assert_eq!(
            read_recovery(&rec_dir, None),
            None,
            "other workspaces have their own copy"
        );
        remove_recovery(&rec_dir, Some(&ws_path));
        assert_eq!(read_recovery(&rec_dir, Some(&ws_path)), None);
    }
}
