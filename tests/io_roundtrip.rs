//! Workspace file guarantees: byte-identical round trips, save→load identity on generated
//! workspaces, atomic saves with a backup, and load errors with line:column that change nothing.

mod small_ws;
use small_ws as common_ws;

use claimbench::io::{
    LoadError, backup_path, load_workspace, parse_workspace, save_workspace, to_ron_string,
};
use claimbench::model::*;
use proptest::prelude::*;
use std::path::Path;

#[test]
fn sample_round_trips_byte_identical() {
    let text = claimbench::sample::SAMPLE_RON;
    let ws = claimbench::sample::sample_workspace().expect("sample loads");
    assert_eq!(
        to_ron_string(&ws).unwrap(),
        text,
        "saving the sample must reproduce its file exactly"
    );
}

#[test]
fn two_saves_are_identical_and_keep_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.ron");
    let mut ws = common_ws::small();
    save_workspace(&ws, &path).unwrap();
    let first = std::fs::read(&path).unwrap();
    save_workspace(&ws, &path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), first);
    ws.title = "Renamed".into();
    save_workspace(&ws, &path).unwrap();
    assert_eq!(
        std::fs::read(backup_path(&path)).unwrap(),
        first,
        ".bak holds the previous version"
    );
    assert_eq!(load_workspace(&path).unwrap(), ws);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temp files left behind: {leftovers:?}"
    );
}

#[test]
fn an_edit_changes_only_its_lines() {
    let mut ws = common_ws::small();
    let before = to_ron_string(&ws).unwrap();
    ws.claims[0].status = ClaimStatus::Signed;
    let after = to_ron_string(&ws).unwrap();
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].1.contains("signed"));
}

#[test]
fn document_text_is_stored_on_multiple_lines() {
    let ws = common_ws::small();
    let text = to_ron_string(&ws).unwrap();
    assert!(
        text.contains("in OpenAI.\n\nMore later."),
        "document text keeps its line breaks in the file"
    );
}

/// Writes `content` to a file, tries to load it, and checks the error position and that the file
/// is byte-for-byte unchanged.
fn load_error(content: &str) -> LoadError {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    std::fs::write(&path, content).unwrap();
    let err = load_workspace(&path).expect_err("must not load");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        content,
        "a failed load must not touch the file"
    );
    let msg = err.to_string();
    let (l, c) = err.position().expect("error has a position");
    assert!(
        msg.starts_with(&format!("{}:{l}:{c}: ", path.display())),
        "{msg}"
    );
    err
}

fn valid_text() -> String {
    to_ron_string(&common_ws::small()).unwrap()
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle present")
        + 1
}

#[test]
fn truncated_file_reports_the_end() {
    let t = valid_text();
    let cut = &t[..t.len() / 2];
    let e = load_error(cut);
    let (l, _) = e.position().unwrap();
    assert!(
        l >= cut.lines().count() - 1,
        "error at line {l} of a {}-line file: {e}",
        cut.lines().count()
    );
}

#[test]
fn wrong_type_points_at_the_value() {
    let t = valid_text().replace("title: \"Small test workspace\"", "title: 42");
    let e = load_error(&t);
    assert_eq!(e.position(), Some((line_of(&t, "title: 42"), 12)), "{e}");
    assert!(e.to_string().contains("string"), "{e}");
}

#[test]
fn unknown_variant_is_named() {
    let t = valid_text().replace("status: in_talks", "status: rumoured");
    let e = load_error(&t);
    let (l, _) = e.position().unwrap();
    assert_eq!(l, line_of(&t, "status: rumoured"), "{e}");
    assert!(e.to_string().contains("rumoured"), "{e}");
    assert!(
        e.to_string().contains("in_talks"),
        "lists the expected variants: {e}"
    );
}

#[test]
fn future_version_is_refused() {
    let t = valid_text().replace(&format!("version: {CURRENT_VERSION},"), "version: 7,");
    let e = load_error(&t);
    assert!(matches!(e, LoadError::TooNew { found: 7, .. }), "{e}");
    assert_eq!(e.position().unwrap().0, line_of(&t, "version: 7"));
    assert!(
        e.to_string()
            .contains("newer than this claimbench supports"),
        "{e}"
    );
}

#[test]
fn broken_invariants_point_at_the_claim() {
    let t = valid_text().replace("subject: Some(\"amazon\")", "subject: Some(\"amazn\")");
    let e = load_error(&t);
    assert!(matches!(e, LoadError::Invalid { .. }), "{e}");
    assert_eq!(
        e.position().unwrap().0,
        line_of(&t, "id: \"cl-0001\""),
        "{e}"
    );
    assert!(
        e.to_string().contains("subject \"amazn\" is not an entity"),
        "{e}"
    );
}

#[test]
fn non_utf8_and_missing_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bin.ron");
    std::fs::write(&p, b"(\n  title: \"\xff\xfe\"").unwrap();
    let e = load_workspace(&p).unwrap_err();
    assert!(matches!(e, LoadError::NotUtf8 { line: 2, .. }), "{e}");
    let e = load_workspace(&dir.path().join("missing.ron")).unwrap_err();
    assert!(matches!(e, LoadError::Io { .. }), "{e}");
    let e = load_workspace(dir.path()).unwrap_err();
    assert!(
        matches!(e, LoadError::Io { .. }),
        "a directory is not a workspace: {e}"
    );
}

#[test]
fn failed_save_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.ron");
    save_workspace(&common_ws::small(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    // Saving onto a directory path fails cleanly.
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    assert!(save_workspace(&common_ws::small(), &sub).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

// ---- property test: save → load identity on generated workspaces ----

fn text_strategy() -> impl Strategy<Value = String> {
    // Quotes, raw-string terminators, backslashes, CR/LF, tabs, control and non-ASCII characters.
    proptest::collection::vec(
        prop_oneof![
            "[a-zA-Z0-9 .,$%]{0,12}",
            Just("\"#".to_owned()),
            Just("\"##".to_owned()),
            Just("\\n".to_owned()),
            Just("\r\n".to_owned()),
            Just("\t".to_owned()),
            Just("’€—".to_owned()),
            Just("\u{0}".to_owned()),
            Just("r#\"".to_owned()),
        ],
        0..12,
    )
    .prop_map(|v| v.concat())
}

fn date_strategy() -> impl Strategy<Value = Option<FuzzyDate>> {
    prop_oneof![
        Just(None),
        (1990i32..2040).prop_map(|y| FuzzyDate::year(y).ok()),
        (1990i32..2040, 1u32..=12).prop_map(|(y, m)| FuzzyDate::month(y, m).ok()),
        (1990i32..2040, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| FuzzyDate::day(y, m, d).ok()),
    ]
}

fn figure_strategy() -> impl Strategy<Value = Option<Figure>> {
    let unit = prop_oneof![
        Just(Unit::Usd),
        Just(Unit::Gw),
        Just(Unit::Percent),
        Just(Unit::Count),
        Just(Unit::Currency("EUR".into()))
    ];
    prop_oneof![
        Just(None),
        (0.0f64..1e13, 0usize..5, unit.clone()).prop_map(|(v, q, u)| Some(Figure::qualified(
            v,
            Qualifier::ALL[q],
            u
        ))),
        (0.0f64..1e12, 0.0f64..1e12, unit).prop_map(|(a, b, u)| Some(Figure::range(
            a,
            Some(a + b),
            u
        ))),
    ]
}

fn workspace_strategy() -> impl Strategy<Value = Workspace> {
    (
        text_strategy(),
        proptest::collection::vec((text_strategy(), text_strategy(), date_strategy()), 1..4),
        proptest::collection::vec(
            (
                0usize..11,
                0usize..9,
                figure_strategy(),
                date_strategy(),
                text_strategy(),
            ),
            0..6,
        ),
    )
        .prop_map(|(title, docs, claims)| {
            let mut ws = Workspace::new(title);
            ws.entities.push(Entity {
                id: "e".into(),
                name: "E".into(),
                aliases: vec!["é".into()],
                kind: EntityKind::Company,
                parent: None,
            });
            for (i, (t, body, published)) in docs.into_iter().enumerate() {
                let text = format!("{body} anchor {i} {body}");
                ws.documents.push(SourceDocument {
                    id: DocId::numbered(i as u64 + 1),
                    title: t,
                    outlet: "O".into(),
                    author: Some("A".into()),
                    url: None,
                    published,
                    imported_at: Some("2025-12-17T00:00:00Z".into()),
                    sha256: SourceDocument::hash_text(&text),
                    cites: vec![],
                    excluded: vec![],
                    rejected: Vec::new(),
                    import_notes: Vec::new(),
                    import_marks: Default::default(),
                    text,
                });
            }
            for (i, (k, s, figure, as_of, note)) in claims.into_iter().enumerate() {
                let mut c = Claim::new(ClaimId::numbered(i as u64 + 1), ClaimKind::ALL[k]);
                c.status = ClaimStatus::ALL[s];
                c.subject = Some("e".into());
                c.figure = figure;
                c.as_of = as_of;
                c.note = note;
                c.period = Some(Period::Over { months: 84 });
                let d = &ws.documents[i % ws.documents.len()];
                let quote = format!("anchor {}", i % ws.documents.len());
                c.evidence.push(Evidence {
                    doc: d.id.clone(),
                    anchor: Anchor::find(&d.text, &quote, 0).expect("anchor text present"),
                    attributed_to: None,
                    orphaned: false,
                });
                ws.claims.push(c);
            }
            ws
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn save_then_load_is_identity(ws in workspace_strategy()) {
        let text = to_ron_string(&ws).unwrap();
        let back = parse_workspace(&text, Path::new("generated.ron")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &ws);
        prop_assert_eq!(to_ron_string(&back).unwrap(), text);
    }
}
