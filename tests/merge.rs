//! The three-way merge's rules, each on the sample workspace as the common base: changes to
//! different fields both survive, deletions survive untouched items, same-id additions are
//! renumbered with their references, one article imported twice becomes one document, and every
//! clash is a recorded conflict in a result that still passes `check`.

use claimbench::merge::merge;
use claimbench::model::*;

fn base() -> Workspace {
    claimbench::sample::sample_workspace().unwrap()
}

fn ron<T: serde::Serialize>(v: &T) -> String {
    ron::to_string(v).unwrap()
}

fn claim<'a>(ws: &'a Workspace, id: &str) -> Option<&'a Claim> {
    ws.claim(&ClaimId::from(id))
}

#[test]
fn changes_to_different_fields_of_one_claim_both_survive() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    o.claims[0].note = "ours".into();
    o.claims[0].tags.push("checked".into());
    t.claims[0].status = ClaimStatus::Denied;
    t.claims[0].tags.push("disputed".into());
    let m = merge(b.clone(), o, t).unwrap();
    let c = &m.workspace.claims[0];
    assert_eq!(c.note, "ours");
    assert_eq!(c.status, ClaimStatus::Denied);
    assert!(c.tags.contains(&"checked".to_owned()) && c.tags.contains(&"disputed".to_owned()));
    assert_eq!(m.conflicts, 0);
    assert!(m.workspace.conflicts.is_empty());
    assert_eq!(m.workspace.validate(), vec![]);
}

#[test]
fn a_deletion_survives_an_untouched_item_on_either_side() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    let gone_ours = o.claims.remove(3).id;
    let gone_theirs = t.claims.remove(5).id;
    t.charts.remove(0);
    let m = merge(b.clone(), o, t).unwrap();
    assert!(claim(&m.workspace, gone_ours.as_str()).is_none());
    assert!(claim(&m.workspace, gone_theirs.as_str()).is_none());
    assert_eq!(m.workspace.charts.len(), b.charts.len() - 1);
    assert_eq!(m.workspace.claims.len(), b.claims.len() - 2);
    assert_eq!(m.conflicts, 0);
}

#[test]
fn same_next_id_on_both_sides_is_renumbered_with_its_references() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    let next = b.next_claim_id();
    let mut ours_new = b.claims[0].clone();
    ours_new.id = next.clone();
    ours_new.note = "added by ours".into();
    o.claims.push(ours_new);
    // Theirs adds a document and a claim citing it, both with the next ids, and resolves a
    // finding about its new claim.
    let doc_id = b.next_doc_id();
    let text = "A fresh report: the fund put in 7 billion dollars.".to_owned();
    let mut doc = SourceDocument::new(doc_id.clone(), "Theirs", "Outlet T", text.clone());
    doc.url = Some("https://example.com/t".into());
    t.documents.push(doc);
    let mut theirs_new = b.claims[1].clone();
    theirs_new.id = next.clone();
    theirs_new.note = "added by theirs".into();
    theirs_new.evidence = vec![Evidence {
        doc: doc_id.clone(),
        anchor: Anchor::find(&text, "7 billion dollars", 0).unwrap(),
        attributed_to: None,
        orphaned: false,
    }];
    t.claims.push(theirs_new);
    t.resolutions.push(Resolution {
        finding: format!("figure:{}+{}", b.claims[1].id, next),
        claims: vec![b.claims[1].id.clone(), next.clone()],
        preferred: Some(next.clone()),
        note: "theirs prefers the new one".into(),
    });
    // Ours adds a different document under the same next document id.
    o.documents.push(SourceDocument::new(
        doc_id.clone(),
        "Ours",
        "Outlet O",
        "Something else entirely.".into(),
    ));
    let m = merge(b.clone(), o, t).unwrap();
    let ws = &m.workspace;
    assert_eq!(ws.validate(), vec![]);
    assert_eq!(m.conflicts, 0);
    assert_eq!(claim(ws, next.as_str()).unwrap().note, "added by ours");
    let renumbered = ws
        .claims
        .iter()
        .find(|c| c.note == "added by theirs")
        .unwrap();
    assert_ne!(renumbered.id, next);
    assert_eq!(renumbered.id.number(), next.number().map(|n| n + 1));
    // Its evidence follows its document's new id.
    let theirs_doc = ws.documents.iter().find(|d| d.title == "Theirs").unwrap();
    assert_ne!(theirs_doc.id, doc_id);
    assert_eq!(renumbered.evidence[0].doc, theirs_doc.id);
    assert_eq!(ws.document(&doc_id).unwrap().title, "Ours");
    // The resolution names the renumbered claim, in its finding id too.
    let r = ws
        .resolutions
        .iter()
        .find(|r| r.note.starts_with("theirs"))
        .unwrap();
    assert_eq!(r.preferred.as_ref(), Some(&renumbered.id));
    assert!(r.finding.contains(renumbered.id.as_str()), "{}", r.finding);
    assert!(!r.finding.contains(&format!("+{next}")) || next > renumbered.id);
    assert_eq!(m.renames.renumbered(), 2);
}

#[test]
fn an_article_imported_on_both_sides_becomes_one_document_with_joined_evidence() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    let text = "Chipmaker agrees to supply 2 GW of accelerators to the lab.".to_owned();
    // Ours imported it as the next document; theirs imported something else first, so the same
    // article got the id after that.
    let id_o = b.next_doc_id();
    o.documents.push(SourceDocument::new(
        id_o.clone(),
        "Supply deal",
        "Wire",
        text.clone(),
    ));
    let other = SourceDocument::new(id_o.clone(), "Other", "Blog", "Unrelated words.".into());
    t.documents.push(other);
    let id_t = DocId::numbered(id_o.number().unwrap() + 1);
    t.documents.push(SourceDocument::new(
        id_t.clone(),
        "Supply deal",
        "Wire",
        text.clone(),
    ));
    let ev = |doc: &DocId, quote: &str| Evidence {
        doc: doc.clone(),
        anchor: Anchor::find(&text, quote, 0).unwrap(),
        attributed_to: None,
        orphaned: false,
    };
    o.claims[0].evidence.push(ev(&id_o, "2 GW"));
    t.claims[0].evidence.push(ev(&id_t, "2 GW"));
    t.claims[1].evidence.push(ev(&id_t, "accelerators"));
    let m = merge(b.clone(), o, t).unwrap();
    let ws = &m.workspace;
    assert_eq!(ws.validate(), vec![]);
    let copies: Vec<_> = ws.documents.iter().filter(|d| d.text == text).collect();
    assert_eq!(copies.len(), 1, "one document for the article");
    assert_eq!(copies[0].id, id_o, "ours' id is kept");
    assert_eq!(
        ws.documents.len(),
        b.documents.len() + 2,
        "the unrelated one stays"
    );
    // The same span from both sides is one evidence; theirs' other span is joined to it.
    let on = |c: &Claim| c.evidence.iter().filter(|e| e.doc == id_o).count();
    assert_eq!(on(&ws.claims[0]), 1);
    assert_eq!(on(&ws.claims[1]), 1);
    assert_eq!(m.renames.same_article, 1);
    assert_eq!(m.conflicts, 0);
}

#[test]
fn the_same_field_changed_differently_is_a_recorded_conflict_and_ours_is_kept() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    o.claims[2].figure = Some(Figure::exact(1e9, Unit::Usd));
    t.claims[2].figure = Some(Figure::exact(2e9, Unit::Usd));
    o.title = "Ours' title".into();
    t.title = "Theirs' title".into();
    let m = merge(b.clone(), o.clone(), t.clone()).unwrap();
    let ws = &m.workspace;
    assert_eq!(ws.validate(), vec![], "still passes check");
    assert_eq!(ws.claims[2].figure, o.claims[2].figure);
    assert_eq!(ws.title, "Ours' title");
    assert_eq!(m.conflicts, 2);
    let c = ws.conflicts.iter().find(|c| c.field == "figure").unwrap();
    assert_eq!(c.item, b.claims[2].id.0);
    assert_eq!(c.base.as_deref(), Some(ron(&b.claims[2].figure).as_str()));
    assert_eq!(c.ours.as_deref(), Some(ron(&o.claims[2].figure).as_str()));
    assert_eq!(c.theirs.as_deref(), Some(ron(&t.claims[2].figure).as_str()));
    let c = ws.conflicts.iter().find(|c| c.field == "title").unwrap();
    assert_eq!(c.theirs.as_deref(), Some(ron(&t.title).as_str()));
    // Saved and loaded again, the conflicts are still there.
    let text = claimbench::io::to_ron_string(ws).unwrap();
    let back = claimbench::io::parse_workspace(&text, std::path::Path::new("m.ron")).unwrap();
    assert_eq!(back.conflicts, ws.conflicts);
}

#[test]
fn an_edit_against_a_deletion_is_a_conflict_either_way() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    // Ours deletes the fifth claim, theirs edits it; theirs deletes the seventh, ours edits it.
    let four = o.claims.remove(4);
    t.claims[4].note = "theirs edited".into();
    let six = t.claims.remove(6).id;
    assert_eq!(six, b.claims[6].id);
    let six_ours_idx = o.claims.iter().position(|c| c.id == six).unwrap();
    o.claims[six_ours_idx].note = "ours edited six".into();
    let m = merge(b.clone(), o, t.clone()).unwrap();
    let ws = &m.workspace;
    assert_eq!(ws.validate(), vec![]);
    assert!(claim(ws, four.id.as_str()).is_none(), "ours' deletion kept");
    assert_eq!(
        claim(ws, six.as_str()).unwrap().note,
        "ours edited six",
        "ours' edit kept"
    );
    let c4 = ws.conflicts.iter().find(|c| c.item == four.id.0).unwrap();
    assert_eq!(c4.ours, None);
    assert_eq!(c4.theirs.as_deref(), Some(ron(&t.claims[4]).as_str()));
    let c6 = ws.conflicts.iter().find(|c| c.item == six.0).unwrap();
    assert_eq!(c6.theirs, None);
    assert!(c6.ours.as_deref().unwrap().contains("ours edited six"));
    assert_eq!(m.conflicts, 2);
}

#[test]
fn an_entity_deleted_on_one_side_but_used_by_the_other_comes_back() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    // An entity no claim uses in the base; ours deletes it, theirs points a claim at it.
    let unused = b
        .entities
        .iter()
        .find(|e| {
            !b.claims.iter().any(|c| {
                c.subject.as_ref() == Some(&e.id) || c.counterparty.as_ref() == Some(&e.id)
            }) && !b.entities.iter().any(|x| x.parent.as_ref() == Some(&e.id))
                && !b
                    .charts
                    .iter()
                    .any(|ch| format!("{:?}", ch.spec).contains(&format!("\"{}\"", e.id)))
        })
        .expect("an unused entity")
        .id
        .clone();
    o.entities.retain(|e| e.id != unused);
    t.claims[0].counterparty = Some(unused.clone());
    let m = merge(b.clone(), o, t).unwrap();
    assert_eq!(m.workspace.validate(), vec![]);
    assert!(m.workspace.entity(&unused).is_some());
    assert_eq!(m.workspace.claims[0].counterparty.as_ref(), Some(&unused));
    assert!(m.workspace.conflicts.iter().any(|c| c.item == unused.0));
}

#[test]
fn evidence_added_against_a_text_the_other_side_replaced_is_found_again_or_orphaned() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    let d = &b.documents[0];
    // Theirs inserts a paragraph at the start of the text; ours quotes a span of the old text.
    let quote: String = d.text[40..80].to_owned();
    let start = d.text.find(&quote).unwrap();
    t.documents[0].text = format!("An editor's note was added here.\n\n{}", d.text);
    t.documents[0].sha256 = SourceDocument::hash_text(&t.documents[0].text);
    for c in &mut t.claims {
        for e in &mut c.evidence {
            if e.doc == d.id {
                let (a, _) = claimbench::anchoring::reanchor(&e.anchor, &t.documents[0].text);
                e.anchor = a.unwrap();
            }
        }
    }
    let end = claimbench::model::anchor::ceil_boundary(&d.text, start + quote.len());
    o.claims[3].evidence.push(Evidence {
        doc: d.id.clone(),
        anchor: Anchor::from_span(&d.text, start, end),
        attributed_to: None,
        orphaned: false,
    });
    let m = merge(b.clone(), o, t.clone()).unwrap();
    let ws = &m.workspace;
    assert_eq!(ws.validate(), vec![]);
    assert_eq!(ws.documents[0].text, t.documents[0].text);
    assert_eq!(ws.documents[0].sha256, t.documents[0].sha256);
    let ev = ws.claims[3]
        .evidence
        .iter()
        .find(|e| e.anchor.exact == d.text[start..end])
        .expect("ours' evidence is kept");
    assert!(!ev.orphaned);
    assert_eq!(
        ev.anchor.start,
        start + "An editor's note was added here.\n\n".len()
    );
}

#[test]
fn the_report_lists_merge_conflicts_in_words() {
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    o.claims[1].status = ClaimStatus::Signed;
    t.claims[1].status = ClaimStatus::Denied;
    let clean = claimbench::analysis::report::render(&b);
    assert!(
        !clean.contains("## Merge conflicts"),
        "only when there are some"
    );
    let m = merge(b.clone(), o, t).unwrap();
    let r = claimbench::analysis::report::render(&m.workspace);
    let section = r
        .split("## Merge conflicts\n\n")
        .nth(1)
        .expect("a Merge conflicts section")
        .split("\n\n")
        .next()
        .unwrap();
    let id = &b.claims[1].id;
    assert_eq!(section.lines().count(), 1, "{section}");
    assert!(section.starts_with(&format!("- Claim {id} (")), "{section}");
    assert!(
        section.contains(&format!(
            "status: ours (kept) Signed; theirs Denied; before both {}",
            b.claims[1].status.label()
        )),
        "{section}"
    );
}

fn cli(args: &[&std::path::Path]) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimbench"))
        .arg("merge")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_writes_ours_or_out_and_exits_by_outcome() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    o.claims[0].note = "ours".into();
    t.claims[1].note = "theirs".into();
    claimbench::io::save_workspace(&b, &p("base.ron")).unwrap();
    claimbench::io::save_workspace(&o, &p("ours.ron")).unwrap();
    claimbench::io::save_workspace(&t, &p("theirs.ron")).unwrap();
    let ours_text = std::fs::read_to_string(p("ours.ron")).unwrap();
    // Clean, into -o: OURS untouched, exit 0.
    let (code, err) = cli(&[
        &p("base.ron"),
        &p("ours.ron"),
        &p("theirs.ron"),
        "-o".as_ref(),
        &p("out.ron"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("no conflicts"), "{err}");
    assert_eq!(std::fs::read_to_string(p("ours.ron")).unwrap(), ours_text);
    let out = claimbench::io::load_workspace(&p("out.ron")).unwrap();
    assert_eq!(
        (out.claims[0].note.as_str(), out.claims[1].note.as_str()),
        ("ours", "theirs")
    );
    // Conflicting, into OURS (kept as .bak): exit 1, conflict recorded.
    t.claims[0].note = "theirs too".into();
    claimbench::io::save_workspace(&t, &p("theirs.ron")).unwrap();
    let (code, err) = cli(&[&p("base.ron"), &p("ours.ron"), &p("theirs.ron")]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("1 conflict recorded"), "{err}");
    let merged = claimbench::io::load_workspace(&p("ours.ron")).unwrap();
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(
        std::fs::read_to_string(p("ours.ron.bak")).unwrap(),
        ours_text
    );
    // An empty BASE (no common ancestor in git) is an empty workspace.
    std::fs::write(p("empty.ron"), "").unwrap();
    let (code, err) = cli(&[
        &p("empty.ron"),
        &p("theirs.ron"),
        &p("theirs.ron"),
        "-o".as_ref(),
        &p("same.ron"),
    ]);
    assert_eq!(code, 0, "{err}");
    // Usage errors: exit 2; an unreadable input: exit 1, nothing written.
    let (code, _) = cli(&[&p("base.ron"), &p("ours.ron")]);
    assert_eq!(code, 2);
    let before = std::fs::read_to_string(p("ours.ron")).unwrap();
    let (code, err) = cli(&[&p("base.ron"), &p("ours.ron"), &p("missing.ron")]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("claimbench: ") && err.contains("missing.ron"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(p("ours.ron")).unwrap(), before);
}

#[test]
fn settling_conflicts_is_one_action_with_its_inverse() {
    use claimbench::merge::resolve::{Pick, resolve};
    let b = base();
    let (mut o, mut t) = (b.clone(), b.clone());
    // Ours deletes a claim theirs edited; both change a figure; ours deletes an entity theirs
    // starts to use (it comes back, with a conflict).
    let gone = o.claims.remove(7);
    t.claims[7].note = "theirs kept working on it".into();
    o.claims[2].figure = Some(Figure::exact(1e9, Unit::Usd));
    t.claims[2].figure = Some(Figure::exact(2e9, Unit::Usd));
    let m = merge(b.clone(), o, t.clone()).unwrap();
    let mut ws = m.workspace;
    assert_eq!(claimbench::merge::check::conflict_problems(&ws), vec![]);
    let before = ws.clone();
    let i = ws
        .conflicts
        .iter()
        .position(|c| c.item == gone.id.0)
        .unwrap();
    // Take theirs: the deleted claim comes back as theirs had it.
    let inverse = resolve(&ws, i, &Pick::Theirs)
        .unwrap()
        .apply(&mut ws)
        .unwrap();
    assert_eq!(
        claim(&ws, gone.id.as_str()).unwrap().note,
        "theirs kept working on it"
    );
    assert_eq!(ws.conflicts.len(), before.conflicts.len() - 1);
    assert_eq!(ws.validate(), vec![]);
    inverse.apply(&mut ws).unwrap();
    assert_eq!(ws, before, "undone exactly");
    // A written value that is not a figure is refused, in words; nothing changes.
    let j = ws
        .conflicts
        .iter()
        .position(|c| c.field == "figure")
        .unwrap();
    let e = resolve(&ws, j, &Pick::Value("12 apples".into())).unwrap_err();
    assert!(e.starts_with("not a valid value"), "{e}");
    // A figure that parses but is insane (high below low) is refused too.
    let bad = ron::to_string(&Some(Figure::range(5e9, Some(1e9), Unit::Usd))).unwrap();
    assert!(
        resolve(&ws, j, &Pick::Value(bad))
            .unwrap_err()
            .contains("figure")
    );
    let good = ron::to_string(&Some(Figure::exact(3e9, Unit::Usd))).unwrap();
    resolve(&ws, j, &Pick::Value(good))
        .unwrap()
        .apply(&mut ws)
        .unwrap();
    assert_eq!(ws.claims[2].figure, Some(Figure::exact(3e9, Unit::Usd)));
    assert_eq!(ws.validate(), vec![]);
    // A recorded value that does not parse as its field is a problem for check.
    ws.conflicts[0].theirs = Some("(((".into());
    let problems = claimbench::merge::check::conflict_problems(&ws);
    assert_eq!(problems.len(), 1, "{problems:?}");
}
