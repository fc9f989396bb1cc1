//! Reading a whole file with limits: only regular files, never more than a set number of bytes.
//!
//! A path can name a FIFO (opening it blocks until someone writes), a device (`/dev/zero` never
//! ends), or a sparse file that claims gigabytes. Every reader of user-named files goes through
//! [`read_regular`], which looks at what the path is before opening it, refuses anything but a
//! regular file, checks the size before reading, and stops reading one byte past the limit in
//! case the file grows meanwhile. Symlinks are followed (the target is what counts).

use std::io::Read;
use std::path::Path;

/// The largest workspace file loaded: 512 MiB. A workspace of 100,000 claims is about 60 MB;
/// parsing takes about three times the file's size in memory, so this keeps any load well under
/// 2 GB.
pub const WORKSPACE_LIMIT: u64 = 512 * 1024 * 1024;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The OS refused (missing, no permission, a symlink loop).
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A directory.
    #[error("is a directory")]
    Directory,
    /// A FIFO, socket or device: reading it could block forever or never end.
    #[error("is {0}, not a regular file; claimbench only reads regular files")]
    NotRegular(&'static str),
    /// Larger than the limit (checked before reading, and again while reading).
    #[error("file is {size} bytes, over the {limit}-byte limit")]
    TooLarge {
        /// Its size in bytes (at least; reading stopped past the limit).
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
}

/// What kind of non-regular file `ft` is, in words, or `None` for a regular file.
pub fn irregular_kind(ft: &std::fs::FileType) -> Option<&'static str> {
    if ft.is_file() {
        return None;
    }
    if ft.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if ft.is_socket() {
            return Some("a socket");
        }
        if ft.is_char_device() || ft.is_block_device() {
            return Some("a device");
        }
    }
    Some("a special file")
}

/// Checks that `path` (following symlinks) is a regular file of at most `limit` bytes, without
/// opening it; returns its size.
pub fn check_regular(path: &Path, limit: u64) -> Result<u64, ReadError> {
    let md = std::fs::metadata(path)?;
    if md.is_dir() {
        return Err(ReadError::Directory);
    }
    if let Some(kind) = irregular_kind(&md.file_type()) {
        return Err(ReadError::NotRegular(kind));
    }
    if md.len() > limit {
        return Err(ReadError::TooLarge {
            size: md.len(),
            limit,
        });
    }
    Ok(md.len())
}

/// Reads a regular file of at most `limit` bytes (see the module docs).
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let len = check_regular(path, limit)?;
    let file = open_no_block(path)?;
    // The path may have been swapped for a FIFO or device between the check and the open.
    let md = file.metadata()?;
    if let Some(kind) = irregular_kind(&md.file_type()) {
        return Err(ReadError::NotRegular(kind));
    }
    let mut bytes = Vec::with_capacity(len.min(limit) as usize);
    // The file may grow between the check and the read: never read more than the limit + 1.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Opens for reading without blocking on a FIFO that was put in place after the check.
fn open_no_block(path: &Path) -> std::io::Result<std::fs::File> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: only affects FIFOs and devices, which are refused right after the open.
        o.custom_flags(0o4000);
    }
    o.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_and_kinds() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "hello").unwrap();
        assert_eq!(read_regular(&p, 5).unwrap(), b"hello");
        assert!(matches!(
            read_regular(&p, 4),
            Err(ReadError::TooLarge { size: 5, limit: 4 })
        ));
        assert!(matches!(
            read_regular(dir.path(), 10),
            Err(ReadError::Directory)
        ));
        #[cfg(unix)]
        {
            let e = read_regular(Path::new("/dev/zero"), 10).unwrap_err();
            assert_eq!(
                e.to_string(),
                "is a device, not a regular file; claimbench only reads regular files"
            );
        }
    }
}
