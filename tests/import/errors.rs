//! Bad input: each gets a specific error naming the file, and nothing is imported.

use super::*;

#[test]
fn broken_pdfs_get_specific_errors() {
    assert!(matches!(
        err("scan.pdf"),
        ImportError::PdfNoText { pages: 1, .. }
    ));
    assert!(matches!(
        err("encrypted.pdf"),
        ImportError::PdfEncrypted { .. }
    ));
    let e = err("truncated.pdf");
    assert!(
        matches!(
            e,
            ImportError::PdfCorrupt { .. } | ImportError::PdfNoText { .. }
        ),
        "{e}"
    );
    // A text file with a .pdf name.
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("fake.pdf");
    std::fs::write(&fake, "just words").unwrap();
    let e = import_file(&fake, &opts()).unwrap_err();
    assert!(matches!(e, ImportError::PdfCorrupt { .. }), "{e}");
    assert!(e.to_string().contains("not a PDF"), "{e}");
}

#[test]
fn damaged_pdfs_never_panic() {
    let good = std::fs::read(fixture("article.pdf")).unwrap();
    let path = Path::new("damaged.pdf");
    let mut outcomes = (0, 0);
    for cut in (8..good.len()).step_by(17) {
        match import::import_bytes(path, &good[..cut], &opts()) {
            Ok(_) => outcomes.0 += 1,
            Err(e) => {
                assert!(e.to_string().starts_with("damaged.pdf: "), "{e}");
                outcomes.1 += 1;
            }
        }
    }
    // Flip bytes inside the content streams and dictionaries.
    for at in (200..good.len()).step_by(29) {
        let mut bad = good.clone();
        bad[at] ^= 0x5A;
        let _ = import::import_bytes(path, &bad, &opts());
    }
    assert!(outcomes.1 > 0, "{outcomes:?}");
}

#[test]
fn bad_inputs_get_specific_errors() {
    assert!(matches!(err("empty.txt"), ImportError::Empty { .. }));
    assert!(matches!(err("blank.txt"), ImportError::Empty { .. }));
    match err("image.txt") {
        ImportError::Binary { what, .. } => assert_eq!(what, "PNG image"),
        e => panic!("{e}"),
    }
    match err("report.docx") {
        ImportError::UnknownFormat { extension, .. } => assert_eq!(extension, "docx"),
        e => panic!("{e}"),
    }
    let dir = fixture("");
    let e = import_file(&dir, &opts()).unwrap_err();
    assert!(matches!(e, ImportError::Directory { .. }), "{e}");
    let missing = fixture("missing.txt");
    let e = import_file(&missing, &opts()).unwrap_err();
    assert!(matches!(e, ImportError::Io { .. }), "{e}");
    assert!(e.to_string().contains("missing.txt"));
}

#[test]
fn size_limit_is_checked_before_reading() {
    let small = ImportOptions {
        max_bytes: 100,
        ..opts()
    };
    let e = import_file(&fixture("article.txt"), &small).unwrap_err();
    match &e {
        ImportError::TooLarge { size, limit, .. } => {
            assert!(*size > 100);
            assert_eq!(*limit, 100);
        }
        e => panic!("{e}"),
    }
    assert!(e.to_string().contains("article.txt"));
    assert_eq!(import::DEFAULT_MAX_BYTES, 50 * 1024 * 1024);
}

#[test]
fn file_over_50_mb_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("huge.txt");
    // A sparse file: 50 MB + 1 byte of zeros on disk costs nothing, and reading it would fail
    // differently (binary), so the error proves the size was checked first.
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(import::DEFAULT_MAX_BYTES + 1).unwrap();
    let e = import_file(&big, &opts()).unwrap_err();
    assert!(matches!(e, ImportError::TooLarge { .. }), "{e}");
    assert!(e.to_string().contains("huge.txt"), "{e}");
}

#[test]
fn non_utf8_text_is_decoded_with_a_warning() {
    let i = import("latin1.txt");
    assert!(i.document.text.contains("Caf\u{FFFD} Owner"));
    assert_eq!(
        i.warnings,
        vec![ImportWarning::NotUtf8 {
            replaced: 4,
            first_at: 3
        }]
    );
    assert!(i.warnings[0].to_string().contains("not valid UTF-8"));
}
