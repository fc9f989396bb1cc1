//! The table of the bad-input matrix: the inputs (written into a temp folder at test time, two
//! small PDFs from `tests/fixtures/bad/`) and, for each, what every surface must do with it.

use claimbench::io::load_workspace;
use std::path::Path;

/// Where an input goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum On {
    /// `claimbench::io::load_workspace`, in process.
    Load,
    /// `claimbench check FILE`.
    Check,
    /// `claimbench import ws.ron FILE` (ws.ron is a good workspace).
    ImportDoc,
    /// `claimbench import FILE article.txt` (article.txt is a good document).
    ImportInto,
    /// `claimbench extract FILE`.
    Extract,
}

/// What must happen.
pub enum Want {
    /// Refused with a message containing the text, prefixed `FILE:LINE:COL: ` or `FILE: `.
    Refused(&'static str, Option<(usize, usize)>),
    /// Accepted (exit 0); the function checks the outcome (dir, stdout, stderr).
    Accepted(fn(&Path, &str, &str)),
}

pub struct Case {
    pub what: &'static str,
    pub file: &'static str,
    pub on: Vec<(On, Want)>,
}

use On::*;
use Want::*;

pub const V1: &str = include_str!("../fixtures/versions/v1.ron");
const ARTICLE: &str = include_str!("../fixtures/import/article.txt");

/// `text` with the first `from` replaced by `to` (which must be there).
pub fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "fixture lacks {from:?}");
    text.replacen(from, to, 1)
}

/// Writes every bad input into `dir`; returns whether `chmod 000` makes a file unreadable here.
pub fn make_inputs(dir: &Path) -> bool {
    let w = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).expect("write input");
    w("ws.ron", V1.as_bytes());
    w("article.txt", ARTICLE.as_bytes());
    let cut = claimbench::model::anchor::floor_boundary(V1, V1.len() / 2);
    w("truncated.ron", &V1.as_bytes()[..cut]);
    w(
        "wrongtype.ron",
        edit(V1, "title: \"Every field of format version 1\"", "title: 5").as_bytes(),
    );
    w(
        "variant.ron",
        edit(V1, "kind: investment", "kind: investmnt").as_bytes(),
    );
    w(
        "dup.ron",
        edit(V1, "id: \"cl-0002\"", "id: \"cl-0001\"").as_bytes(),
    );
    w(
        "dangling.ron",
        edit(
            V1,
            "counterparty: Some(\"openai\")",
            "counterparty: Some(\"nobody\")",
        )
        .as_bytes(),
    );
    let at = V1.find("anchor: (").expect("an anchor");
    let start = at + V1[at..].find("start: ").expect("start");
    let comma = start + V1[start..].find(',').expect("comma");
    w(
        "anchor.ron",
        format!("{}start: 999999{}", &V1[..start], &V1[comma..]).as_bytes(),
    );
    w(
        "future.ron",
        edit(V1, "version: 1,", "version: 7,").as_bytes(),
    );
    w("empty.ron", b"");
    w("empty.txt", b"  \n\n");
    let mut bad = V1.as_bytes()[..300].to_vec();
    bad.extend_from_slice(b"\xff\xfe");
    bad.extend_from_slice(&V1.as_bytes()[300..]);
    w("notutf8.ron", &bad);
    w(
        "notutf8.txt",
        b"Amazon may invest $10 billion in OpenAI.\nThe caf\xe9 said so.\n",
    );
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..4096u32).map(|i| (i * 31 % 251) as u8));
    w("binary.ron", &png);
    w("binary.txt", &png);
    {
        use std::io::Write;
        let f = std::fs::File::create(dir.join("big.txt")).expect("create big.txt");
        let mut f = std::io::BufWriter::new(f);
        let line =
            "The company said it may commit more money to data centres over the next years.\n";
        for _ in 0..(100 * 1024 * 1024 / line.len() + 1) {
            f.write_all(line.as_bytes()).expect("write big.txt");
        }
    }
    let deep = format!(
        "<html><head><title>Deep</title><script>var x = \"SCRIPT-PAYLOAD\"; alert(1)</script></head><body>{}<p>OpenAI said Amazon may invest $10 billion in it.</p>{}<script>document.write(\"SCRIPT-TWO\")</script></body></html>",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    w("deep.html", deep.as_bytes());
    let scripts = format!(
        "<html><head><script>var a = 1;</script></head><body><script>b()</script>{}{}</body></html>",
        "<span>".repeat(10_000),
        "</span>".repeat(10_000)
    );
    w("scripts.html", scripts.as_bytes());
    let fx = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    for name in ["corrupt.pdf", "encrypted-aes256.pdf"] {
        std::fs::copy(fx.join(name), dir.join(name)).expect("copy PDF fixture");
    }
    std::fs::create_dir(dir.join("folder.ron")).expect("mkdir");
    std::os::unix::fs::symlink("loop-b.ron", dir.join("loop-a.ron")).expect("symlink");
    std::os::unix::fs::symlink("loop-a.ron", dir.join("loop-b.ron")).expect("symlink");
    w("locked.ron", V1.as_bytes());
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(
        dir.join("locked.ron"),
        std::fs::Permissions::from_mode(0o000),
    )
    .expect("chmod 000");
    std::fs::read(dir.join("locked.ron")).is_err()
}

pub fn cases(chmod_works: bool) -> Vec<Case> {
    let ron = |msg: &'static str, pos: (usize, usize)| {
        vec![
            (Load, Refused(msg, Some(pos))),
            (Check, Refused(msg, Some(pos))),
            (ImportInto, Refused(msg, Some(pos))),
        ]
    };
    let mut out = vec![
        Case {
            what: "truncated RON",
            file: "truncated.ron",
            on: ron("the file ends early (truncated?)", (290, 23)),
        },
        Case {
            what: "wrong field type",
            file: "wrongtype.ron",
            on: ron("in field `title`: Expected string", (4, 12)),
        },
        Case {
            what: "unknown enum variant",
            file: "variant.ron",
            on: ron(
                "Unexpected variant named `investmnt` in enum `ClaimKind`",
                (144, 19),
            ),
        },
        Case {
            what: "duplicate ids",
            file: "dup.ron",
            on: ron("duplicate claim id \"cl-0001\"", (189, 13)),
        },
        Case {
            what: "dangling reference",
            file: "dangling.ron",
            on: ron("counterparty \"nobody\" is not an entity", (143, 13)),
        },
        Case {
            what: "anchor outside the text",
            file: "anchor.ron",
            on: ron(
                "evidence 1 in \"doc-0001\": span 999999..93 is outside the document (424 bytes)",
                (143, 13),
            ),
        },
        Case {
            what: "future version",
            file: "future.ron",
            on: ron(
                "workspace version 7 is newer than this claimbench supports (up to 2)",
                (3, 14),
            ),
        },
        Case {
            what: "empty workspace file",
            file: "empty.ron",
            on: ron("the file is empty", (1, 1)),
        },
        Case {
            what: "empty document",
            file: "empty.txt",
            on: vec![
                (ImportDoc, Refused("file is empty", None)),
                (
                    Extract,
                    Refused("file is empty; there is nothing to extract", None),
                ),
            ],
        },
        Case {
            what: "non-UTF-8 workspace",
            file: "notutf8.ron",
            on: ron("not UTF-8 text (byte 300 is invalid)", (14, 5)),
        },
        Case {
            what: "non-UTF-8 document",
            file: "notutf8.txt",
            on: vec![
                (
                    Extract,
                    Refused("not UTF-8 text (invalid byte at offset 48)", Some((2, 8))),
                ),
                // Imported on purpose, Latin-1 articles are common: the bad byte is replaced and
                // the user is told where it was.
                (
                    ImportDoc,
                    Accepted(|dir, out, err| {
                        assert!(
                            err.contains(
                                "notutf8.txt: warning: not valid UTF-8: 1 invalid byte sequence(s)"
                            ),
                            "{err}"
                        );
                        assert!(err.contains("first at byte 48"), "{err}");
                        assert!(out.contains("added doc-0004"), "{out}");
                        let ws = load_workspace(&dir.join("ws.ron")).expect("loads");
                        assert!(ws.documents[3].text.contains("caf\u{FFFD}"));
                    }),
                ),
            ],
        },
        Case {
            what: "binary workspace",
            file: "binary.ron",
            on: ron("not UTF-8 text (byte 0 is invalid)", (1, 1)),
        },
        Case {
            what: "binary document",
            file: "binary.txt",
            on: vec![
                (ImportDoc, Refused("binary content (PNG image)", None)),
                (
                    Extract,
                    Refused(
                        "binary file (NUL byte at offset 8); expected UTF-8 text",
                        None,
                    ),
                ),
            ],
        },
        Case {
            what: "100 MB text",
            file: "big.txt",
            on: vec![
                (Load, Refused("not a claimbench workspace", Some((1, 1)))),
                (Check, Refused("not a claimbench workspace", Some((1, 1)))),
                (
                    ImportDoc,
                    Refused("over the 52428800-byte import limit", None),
                ),
                (
                    Extract,
                    Refused("over the 52428800-byte limit of extract", None),
                ),
            ],
        },
        Case {
            what: "HTML with scripts and 10k nested tags",
            file: "deep.html",
            on: vec![
                (Load, Refused("not a claimbench workspace", Some((1, 1)))),
                (
                    ImportDoc,
                    Accepted(|dir, out, _| {
                        assert!(out.contains("added doc-0004 \"Deep\""), "{out}");
                        let ws = load_workspace(&dir.join("ws.ron")).expect("loads");
                        let text = &ws.documents[3].text;
                        assert!(text.contains("Amazon may invest $10 billion"), "{text}");
                        assert!(
                            !text.contains("SCRIPT") && !text.contains("alert"),
                            "scripts are not text: {text}"
                        );
                    }),
                ),
                (
                    Extract,
                    Accepted(|_, out, _| {
                        let v: serde_json::Value =
                            serde_json::from_str(out.trim()).expect("one JSON object");
                        assert_eq!(v["document"], "deep.html");
                    }),
                ),
            ],
        },
        Case {
            what: "HTML with only scripts and 10k nested tags",
            file: "scripts.html",
            on: vec![(ImportDoc, Refused("no readable text found", None))],
        },
        Case {
            what: "corrupt PDF",
            file: "corrupt.pdf",
            on: vec![
                (Load, Refused("not UTF-8 text", Some((2, 2)))),
                (ImportDoc, Refused("PDF is damaged or truncated", None)),
                (
                    Extract,
                    Refused("a PDF file; extract reads UTF-8 text", None),
                ),
            ],
        },
        Case {
            what: "encrypted PDF",
            file: "encrypted-aes256.pdf",
            on: vec![
                (Load, Refused("not UTF-8 text", Some((2, 2)))),
                (ImportDoc, Refused("PDF is encrypted with a password", None)),
                (
                    Extract,
                    Refused("a PDF file; extract reads UTF-8 text", None),
                ),
            ],
        },
        Case {
            what: "a directory",
            file: "folder.ron",
            on: vec![
                (Load, Refused("cannot read: Is a directory", None)),
                (Check, Refused("cannot read: Is a directory", None)),
                (ImportInto, Refused("cannot read: Is a directory", None)),
                (
                    ImportDoc,
                    Refused("is a directory; pick the files inside it", None),
                ),
                (
                    Extract,
                    Refused("is a directory; extract reads one text file", None),
                ),
            ],
        },
    ];
    // Unreadable: a symlink loop is unreadable for everyone, root included.
    let unreadable = |msg: &'static str| {
        [Load, Check, ImportInto, ImportDoc, Extract]
            .map(|on| (on, Refused(msg, None)))
            .into()
    };
    out.push(Case {
        what: "unreadable (symlink loop)",
        file: "loop-a.ron",
        on: unreadable("cannot read: Too many levels of symbolic links"),
    });
    if chmod_works {
        out.push(Case {
            what: "unreadable (chmod 000)",
            file: "locked.ron",
            on: unreadable("cannot read: Permission denied"),
        });
    } else {
        eprintln!(
            "bad_input: running as root, chmod 000 does not stop reading; the symlink loop is the unreadable case"
        );
    }
    out
}
