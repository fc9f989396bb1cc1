//! The seed articles (only when `CLAIMBENCH_SEEDS` names their folder): boilerplate excluded,
//! article bodies not.

use super::*;

/// The seed folder, if `CLAIMBENCH_SEEDS` is set; panics if it is set but unreadable.
fn seeds() -> Option<Vec<PathBuf>> {
    let dir = std::env::var_os("CLAIMBENCH_SEEDS")?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("CLAIMBENCH_SEEDS={dir:?} is not readable: {e}"))
        .map(|e| e.expect("seed dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 5,
        "expected the five seed articles in {dir:?}"
    );
    Some(files)
}

fn seed<'a>(files: &'a [PathBuf], prefix: &str) -> &'a Path {
    files
        .iter()
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}_*.txt"))
}

/// The first paragraph of prose (the first line over 150 characters).
fn first_paragraph(d: &SourceDocument) -> usize {
    let line = d.text.lines().find(|l| l.len() > 150).expect("a paragraph");
    d.text.find(line).expect("line offset")
}

#[test]
fn seeds_boilerplate_is_excluded_and_bodies_are_not() {
    let Some(files) = seeds() else {
        eprintln!("CLAIMBENCH_SEEDS not set: seed checks not run");
        return;
    };
    let mut ws = Workspace::new("seeds");
    for f in &files {
        let i = import_file(f, &opts()).unwrap_or_else(|e| panic!("{e}"));
        let d = &i.document;
        // The body is never excluded: more text comes before the first range than after it.
        if let Some(r) = d.excluded.first() {
            assert!(
                r.start * 2 >= d.text.len(),
                "{}: range {r:?} too early",
                f.display()
            );
        }
        assert!(!d.is_excluded(first_paragraph(d)), "{}", f.display());
        add_to_workspace(&mut ws, i).unwrap();
    }
    assert_eq!(ws.validate(), vec![]);

    // 000: the crypto/gold headline block after the disclaimer.
    let d = import_file(seed(&files, "000"), &opts()).unwrap().document;
    assert_eq!(d.outlet, "Tradingkey");
    assert_eq!(d.title, d.text.lines().next().unwrap());
    assert_eq!(d.excluded.len(), 1);
    let start = d.excluded[0].start;
    assert!(d.text[start..].starts_with("Disclaimer"));
    assert_eq!(d.excluded[0].end, d.text.len());
    let dollars: Vec<usize> = d.text.match_indices('$').map(|(i, _)| i).collect();
    let (body, ads): (Vec<usize>, Vec<usize>) = dollars.iter().partition(|&&i| i < start);
    assert!(
        body.len() >= 10 && ads.len() >= 10,
        "{} / {}",
        body.len(),
        ads.len()
    );
    assert!(ads.iter().all(|&i| d.is_excluded(i)));
    assert!(body.iter().all(|&i| !d.is_excluded(i)));
    for marker in ["placeholder", "Mitrade", "11 hours ago", "goTop"] {
        let at = d.text.find(marker).unwrap_or_else(|| panic!("{marker}"));
        assert!(d.is_excluded(at), "{marker}");
    }

    // 004: author avatar, blurb and comments.
    let d = import_file(seed(&files, "004"), &opts()).unwrap().document;
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2025-12-17")
    );
    assert_eq!(d.excluded.len(), 1);
    let ex = excluded_text(&d);
    assert!(ex.starts_with("author avatar"), "{ex}");
    for marker in [
        "Comments",
        "Add a public comment",
        "No comments yet",
        "AI Writing Agent",
    ] {
        assert!(ex.contains(marker), "{marker}");
    }
    let last_body = d.text[..d.excluded[0].start].trim_end();
    assert!(last_body.len() > 6000 && last_body.ends_with('.'));

    // 001: the publication footer line only.
    let d = import_file(seed(&files, "001"), &opts()).unwrap().document;
    assert_eq!(d.outlet, "WebProNews");
    assert_eq!(d.excluded.len(), 1);
    assert_eq!(
        excluded_text(&d).trim(),
        d.text.trim_end().lines().last().unwrap()
    );

    // 002 and 003 have no boilerplate, and no headline: their first line is a sentence, so the
    // title is its first words and a warning says so.
    for p in ["002", "003"] {
        let i = import_file(seed(&files, p), &opts()).unwrap();
        assert_eq!(i.document.excluded, vec![], "{p}");
        assert!(i.document.title.ends_with('…'), "{p}: {}", i.document.title);
        assert!(
            matches!(i.warnings.as_slice(), [ImportWarning::TitleGuessed { .. }]),
            "{p}: {:?}",
            i.warnings
        );
    }
}
