//! Saving a workspace: deterministic pretty RON, written atomically with a backup.
//!
//! The new content goes to a temporary file in the same folder, is flushed to disk (fsync), and
//! renamed over the target, so the file on disk is always either the old or the new content. The
//! previous version is kept as `NAME.ron.bak`.

use super::SaveError;
use crate::model::Workspace;
use ron::ser::PrettyConfig;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The RON layout every save uses: four-space indent, no struct names, multi-line raw strings for
/// document text (so a `git diff` shows changed lines, not one huge escaped line).
fn pretty() -> PrettyConfig {
    PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .escape_strings(false)
        .separate_tuple_members(false)
        .compact_arrays(false)
}

/// Serialises a workspace to the exact text a save writes (ends with a newline).
pub fn to_ron_string(ws: &Workspace) -> Result<String, SaveError> {
    let mut s = ron::ser::to_string_pretty(ws, pretty())
        .map_err(|e| SaveError::Serialize(e.to_string()))?;
    s.push('\n');
    Ok(s)
}

/// `NAME.ron` → `NAME.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
}

/// Saves atomically: temp file in the same folder, fsync, previous file copied to `.bak`, rename.
pub fn save_workspace(ws: &Workspace, path: &Path) -> Result<(), SaveError> {
    let text = to_ron_string(ws)?;
    write_atomic(path, text.as_bytes(), true)
}

/// Writes `bytes` to `path` atomically; with `backup`, an existing file is first copied to
/// `path.bak` (itself written atomically).
pub fn write_atomic(path: &Path, bytes: &[u8], backup: bool) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    if path.is_dir() {
        return Err(io(std::io::Error::other("is a directory")));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".claimbench-save-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    let existing = std::fs::metadata(path).ok();
    if let Some(meta) = &existing {
        std::fs::set_permissions(tmp.path(), meta.permissions()).map_err(io)?;
        if backup {
            let old = std::fs::read(path).map_err(io)?;
            write_atomic(&backup_path(path), &old, false)?;
        }
    } else {
        set_default_permissions(tmp.path()).map_err(io)?;
    }
    tmp.persist(path).map_err(|e| io(e.error))?;
    sync_dir(&dir);
    Ok(())
}

#[cfg(unix)]
fn set_default_permissions(p: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_default_permissions(_: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Flushes the directory entry of the rename (best effort: not all platforms allow it).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(f) = std::fs::File::open(dir) {
        let _ = f.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
