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
use super::lock::{LockError, WorkspaceLock};
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
/// Takes the workspace's lock for the write (waiting up to [`SAVE_WAIT`] for another claimbench
/// that is writing it); a symlink is followed, so the file it points to gets the change.
pub fn save_workspace(ws: &Workspace, path: &Path) -> Result<(), SaveError> {
    let text = to_ron_string(ws)?;
    let real = real_path(path).map_err(|source| SaveError::Io {
        path: path.to_owned(),
        source,
    })?;
    let _lock = lock_workspace(&real, SAVE_WAIT)?;
    write_atomic(&real, text.as_bytes(), true)
}

/// How long a plain save waits for another process writing the same workspace.
pub const SAVE_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// [`save_workspace`] for a caller that already holds the workspace's lock (an import that
/// re-read the file under it).
pub fn save_workspace_locked(ws: &Workspace, lock: &WorkspaceLock) -> Result<(), SaveError> {
    let text = to_ron_string(ws)?;
    write_atomic(lock.path(), text.as_bytes(), true)
}

/// Locks the workspace at `real` (see [`super::lock`]), as a save error when it cannot.
pub fn lock_workspace(real: &Path, wait: std::time::Duration) -> Result<WorkspaceLock, SaveError> {
    WorkspaceLock::acquire(real, wait).map_err(|e| SaveError::Refused {
        path: real.to_owned(),
        why: match e {
            LockError::Busy { .. } => "in use by another claimbench (a save or import of this workspace is running); try again when it has finished".into(),
            LockError::Io { source, .. } => format!("cannot lock the workspace: {source}"),
        },
    })
}

/// The file a path names once symlinks are followed (a dangling link names its target, which a
/// save then creates). Other paths are returned as they are.
pub fn real_path(path: &Path) -> std::io::Result<PathBuf> {
    let mut p = path.to_owned();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&p)?;
                p = if target.is_absolute() {
                    target
                } else {
                    folder(&p).join(target)
                };
            }
            _ => return Ok(p),
        }
    }
    Err(std::io::Error::other(
        "too many levels of symbolic links (a link loop?)",
    ))
}

fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// An OS error without the temporary file's name that `tempfile` adds to it: messages name the
/// file the user asked for, never our scratch file.
fn plain(e: std::io::Error) -> std::io::Error {
    match e.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None => std::io::Error::new(e.kind(), e.kind().to_string()),
    }
}

/// Writes `bytes` to `path` atomically; with `backup`, an existing file is first copied to
/// `path.bak` (itself written atomically). A symlink is followed (the file it names is
/// replaced, the link stays); a read-only file or anything but a regular file is refused.
pub fn write_atomic(path: &Path, bytes: &[u8], backup: bool) -> Result<(), SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_owned(),
        source: plain(source),
    };
    let refused = |why: &str| SaveError::Refused {
        path: path.to_owned(),
        why: why.to_owned(),
    };
    let real = real_path(path).map_err(io)?;
    let dir = folder(&real);
    let existing = std::fs::metadata(&real).ok();
    if let Some(meta) = &existing {
        if let Some(kind) = super::read::irregular_kind(&meta.file_type()) {
            return Err(refused(&format!(
                "is {kind}, not a regular file; choose a file name"
            )));
        }
        if meta.permissions().readonly() {
            return Err(refused(
                "the file is read-only; claimbench does not replace it (make it writable, or save under another name)",
            ));
        }
    }
    let prefix = temp_prefix(&real);
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    if let Some(meta) = &existing {
        std::fs::set_permissions(tmp.path(), meta.permissions()).map_err(io)?;
        if backup {
            let old = super::read::read_regular(&real, super::read::WORKSPACE_LIMIT)
                .map_err(|e| refused(&format!("cannot keep a backup: {e}")))?;
            write_atomic(&backup_path(&real), &old, false)?;
        }
    } else {
        set_default_permissions(tmp.path()).map_err(io)?;
    }
    tmp.persist(&real).map_err(|e| io(e.error))?;
    sync_dir(&dir);
    remove_leftovers(&dir, &prefix);
    Ok(())
}

/// Writes an output (report, chart, claims export) atomically, after
/// [`refuse_workspace_target`]: an output never replaces the open workspace or any other.
pub fn write_output(out: &Path, bytes: &[u8], workspace: Option<&Path>) -> Result<(), SaveError> {
    refuse_workspace_target(out, workspace)?;
    write_atomic(out, bytes, false)
}

/// Refuses an output file (report, chart, claims export) that would replace a workspace: the
/// open one (`workspace`, the same file by any name) or any file that starts like one. Also
/// refuses what is not a regular file (a FIFO would block the write forever).
pub fn refuse_workspace_target(out: &Path, workspace: Option<&Path>) -> Result<(), SaveError> {
    let refused = |why: String| SaveError::Refused {
        path: out.to_owned(),
        why,
    };
    let Ok(meta) = std::fs::metadata(out) else {
        return Ok(());
    };
    if let Some(kind) = super::read::irregular_kind(&meta.file_type()) {
        return Err(refused(format!(
            "is {kind}, not a regular file; choose a file name"
        )));
    }
    if let Some(ws) = workspace
        && same_file(out, ws)
    {
        return Err(refused(
            "is the workspace itself; choose another output file".into(),
        ));
    }
    if looks_like_workspace(out) {
        return Err(refused(
            "is a claimbench workspace; an output never replaces one (choose another file name)"
                .into(),
        ));
    }
    Ok(())
}

/// Whether two paths name the same file (after symlinks and hard links).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Whether the file starts like a claimbench workspace (its first 64 KiB hold `(` and the
/// `format: "claimbench"` header).
fn looks_like_workspace(path: &Path) -> bool {
    use std::io::Read;
    let Ok(f) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::new();
    if f.take(64 * 1024).read_to_end(&mut head).is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    static FORMAT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"format\s*:\s*"claimbench""#).expect("static regex")
    });
    (text.starts_with('(') || text.starts_with("Workspace") || text.starts_with("//"))
        && FORMAT.is_match(text)
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
