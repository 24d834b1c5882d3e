//! Report files written whole or not at all.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Writes a file through a new file beside `path`, renamed over `path` once it is complete, so
/// a run that fails part-way (a full disk, an interrupted run) leaves any old file untouched
/// and never a truncated one, and a reader never sees half a page. A target that exists but is
/// not a regular file (`/dev/null`, a pipe) is written in place: renaming over it would replace
/// the device.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    if fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        let mut out = BufWriter::new(File::create(path)?);
        return write(&mut out).and_then(|()| out.flush());
    }
    let (file, temp) = temp_beside(path)?;
    let mut out = BufWriter::new(file);
    let result = write(&mut out)
        .and_then(|()| out.flush())
        .and_then(|()| out.get_ref().sync_all())
        .and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// A new, empty file in the directory of `path`, named after it (`.report.html.1234-0.tmp`),
/// and its path.
fn temp_beside(path: &Path) -> io::Result<(File, PathBuf)> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let base = path
        .file_name()
        .map_or_else(|| "report".into(), |n| n.to_string_lossy().into_owned());
    let mut attempt = 0u32;
    loop {
        let temp = dir.join(format!(".{base}.{}-{attempt}.tmp", std::process::id()));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => return Ok((file, temp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = std::env::temp_dir().join(format!("sourcediff-file-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("scratch folder");
        let path = dir.join("report.txt");
        fs::write(&path, "old").expect("old report");
        let failed = write_atomically(&path, |out| {
            out.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&path).expect("old report kept"), "old");
        write_atomically(&path, |out| out.write_all(b"new")).expect("written");
        assert_eq!(fs::read_to_string(&path).expect("new report"), "new");
        let left: Vec<_> = fs::read_dir(&dir).expect("listing").collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");
        fs::remove_dir_all(&dir).expect("cleanup");
    }
}
