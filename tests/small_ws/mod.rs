//! Workspace builders shared by the integration tests (included with `mod common_ws;`).
#![allow(dead_code)]

use claimbench::model::*;

/// A small valid workspace with one document, two entities and one claim.
pub fn small() -> Workspace {
    let mut ws = Workspace::new("Small test workspace");
    ws.entities.push(Entity {
        id: "amazon".into(),
        name: "Amazon".into(),
        aliases: vec!["Amazon.com".into()],
        kind: EntityKind::Company,
        parent: None,
    });
    ws.entities.push(Entity {
        id: "openai".into(),
        name: "OpenAI".into(),
        aliases: vec![],
        kind: EntityKind::Company,
        parent: None,
    });
    let text = "Amazon is said to be weighing an investment of at least $10 billion in OpenAI.\n\nMore later.".to_owned();
    ws.documents.push(SourceDocument {
        id: "doc-0001".into(),
        title: "Talks".into(),
        outlet: "Test Wire".into(),
        author: None,
        url: None,
        published: Some("2025-12-16".parse().unwrap()),
        imported_at: None,
        sha256: SourceDocument::hash_text(&text),
        cites: vec!["The Information".into()],
        excluded: vec![],
        rejected: Vec::new(),
        import_notes: Vec::new(),
        import_marks: Default::default(),
        text,
    });
    let mut c = Claim::new(ClaimId::numbered(1), ClaimKind::Investment);
    c.subject = Some("amazon".into());
    c.counterparty = Some("openai".into());
    c.figure = Some(Figure::qualified(1e10, Qualifier::AtLeast, Unit::Usd));
    c.status = ClaimStatus::InTalks;
    c.as_of = Some("2025-12".parse().unwrap());
    c.evidence.push(Evidence {
        doc: "doc-0001".into(),
        anchor: Anchor::find(&ws.documents[0].text, "at least $10 billion", 0).unwrap(),
        attributed_to: Some("The Information".into()),
        orphaned: false,
    });
    ws.claims.push(c);
    ws
}
