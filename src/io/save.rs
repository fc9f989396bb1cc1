//! Saving a workspace: deterministic pretty RON, written atomically with a backup.
//!
//! The new content goes to a temporary file in the same folder, is flushed to disk (fsync), and
//! renamed over the target, so the file on disk is always either the old or the new content. The
//! previous version is kept as `NAME.ron.bak`.
//!
//! Temporary files are named `.NAME.ron.claimbench-save-XXXXXX.tmp`. A process killed mid-save
//! (SIGKILL, power loss) leaves its temporary file behind; the next successful save of the same
//! file removes such leftovers, so they never pile up beside the user's workspace.

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
    let prefix = temp_prefix(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(TEMP_SUFFIX)
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
    remove_leftovers(&dir, &prefix);
    Ok(())
}

const TEMP_SUFFIX: &str = ".tmp";

/// `dir/NAME.ron` → `.NAME.ron.claimbench-save-`: the start of every temporary file name a save
/// of that file uses (distinct for `NAME.ron.bak`, whose name continues differently).
pub fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.claimbench-save-")
}

/// The temporary files of interrupted saves of `path` (left by a killed process).
pub fn leftover_temp_files(path: &Path) -> Vec<PathBuf> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    leftovers(&dir, &temp_prefix(path))
}

fn leftovers(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(prefix)
                && name.ends_with(TEMP_SUFFIX)
                && e.file_type().is_ok_and(|t| t.is_file())
        })
        .map(|e| e.path())
        .collect()
}

/// Removes temporary files of earlier, interrupted saves of the same target (best effort). A
/// second process saving the same file at this very moment would see its rename fail with an
/// error (and its content unsaved, as it would be overwritten anyway): never a torn file.
fn remove_leftovers(dir: &Path, prefix: &str) {
    for p in leftovers(dir, prefix) {
        let _ = std::fs::remove_file(p);
    }
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
