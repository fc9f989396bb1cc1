//! A hash of everything the analysis reads (entities, documents, claims, resolutions), so the
//! Findings and Network tabs recompute only when the workspace changed, not on every repaint.
//!
//! Structs are destructured field by field: adding a field to the model breaks the build here
//! instead of leaving a stale view.

use crate::model::{Claim, Entity, Evidence, Figure, Resolution, SourceDocument, Workspace};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

fn figure(f: &Figure, h: &mut DefaultHasher) {
    let Figure {
        low,
        high,
        qualifier,
        unit,
    } = f;
    low.to_bits().hash(h);
    high.map(f64::to_bits).hash(h);
    qualifier.hash(h);
    unit.hash(h);
}

fn evidence(e: &Evidence, h: &mut DefaultHasher) {
    let Evidence {
        doc,
        anchor,
        attributed_to,
        orphaned,
    } = e;
    doc.hash(h);
    anchor.hash(h);
    attributed_to.hash(h);
    orphaned.hash(h);
}

fn claim(c: &Claim, h: &mut DefaultHasher) {
    let Claim {
        id,
        kind,
        subject,
        counterparty,
        figure: fig,
        period,
        as_of,
        status,
        evidence: evs,
        note,
        tags,
    } = c;
    id.hash(h);
    kind.hash(h);
    subject.hash(h);
    counterparty.hash(h);
    match fig {
        Some(f) => figure(f, h),
        None => 0u8.hash(h),
    }
    // Periods are rare and small; their Debug text stands for them.
    period.as_ref().map(|p| format!("{p:?}")).hash(h);
    as_of.hash(h);
    status.hash(h);
    evs.len().hash(h);
    for e in evs {
        evidence(e, h);
    }
    note.hash(h);
    tags.hash(h);
}

fn document(d: &SourceDocument, h: &mut DefaultHasher) {
    let SourceDocument {
        id,
        title,
        outlet,
        author,
        url,
        published,
        imported_at,
        cites,
        text,
        excluded,
        rejected,
        sha256,
        import_notes,
        import_marks,
    } = d;
    (id, title, outlet, author, url, published, imported_at).hash(h);
    (
        cites,
        text,
        excluded,
        rejected,
        sha256,
        import_notes,
        import_marks,
    )
        .hash(h);
}

fn entity(e: &Entity, h: &mut DefaultHasher) {
    let Entity {
        id,
        name,
        aliases,
        kind,
        parent,
    } = e;
    (id, name, aliases, kind, parent).hash(h);
}

fn resolution(r: &Resolution, h: &mut DefaultHasher) {
    let Resolution {
        finding,
        claims,
        preferred,
        note,
    } = r;
    (finding, claims, preferred, note).hash(h);
}

/// The hash of the workspace's analysis inputs (module docs).
pub fn fingerprint(ws: &Workspace) -> u64 {
    let mut h = DefaultHasher::new();
    ws.entities.len().hash(&mut h);
    ws.entities.iter().for_each(|e| entity(e, &mut h));
    ws.documents.len().hash(&mut h);
    ws.documents.iter().for_each(|d| document(d, &mut h));
    ws.claims.len().hash(&mut h);
    ws.claims.iter().for_each(|c| claim(c, &mut h));
    ws.resolutions.len().hash(&mut h);
    ws.resolutions.iter().for_each(|r| resolution(r, &mut h));
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_with_any_analysed_edit_and_not_with_the_title() {
        let ws = crate::sample::sample_workspace().expect("sample");
        let base = fingerprint(&ws);
        let mut t = ws.clone();
        t.title.push('!');
        assert_eq!(fingerprint(&t), base);
        let mut a = ws.clone();
        if let Some(f) = a.claims[0].figure.as_mut() {
            f.low += 1.0;
        }
        assert_ne!(fingerprint(&a), base);
        let mut b = ws.clone();
        b.claims[1].status = crate::model::ClaimStatus::Denied;
        assert_ne!(fingerprint(&b), base);
        let mut c = ws.clone();
        c.documents[0].text.push(' ');
        assert_ne!(fingerprint(&c), base);
        let mut d = ws.clone();
        d.resolutions.push(Resolution {
            finding: "x".into(),
            claims: vec![],
            preferred: None,
            note: String::new(),
        });
        assert_ne!(fingerprint(&d), base);
    }
}
