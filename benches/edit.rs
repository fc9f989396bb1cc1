//! Undo cost on a 100k-claim workspace: applying an edit and undoing it store only the changed
//! claim, so both stay far below a copy of the workspace (measured alongside for scale).

use claimbench::action::{Action, History};
use claimbench::model::*;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn workspace(claims: u64) -> Workspace {
    let mut ws = Workspace::new("synthetic");
    for (id, name) in [("amazon", "Amazon"), ("openai", "OpenAI")] {
        ws.entities.push(Entity {
            id: id.into(),
            name: name.into(),
            aliases: vec![],
            kind: EntityKind::Company,
            parent: None,
        });
    }
    let text = "Amazon is in talks to invest at least $10 billion in OpenAI. ".repeat(20);
    ws.documents.push(SourceDocument {
        id: "doc-0001".into(),
        title: "t".into(),
        outlet: "o".into(),
        author: None,
        url: None,
        published: None,
        imported_at: None,
        sha256: SourceDocument::hash_text(&text),
        cites: vec![],
        excluded: vec![],
        rejected: vec![],
        import_notes: Vec::new(),
        import_marks: Default::default(),
        text,
    });
    let anchor = Anchor::find(&ws.documents[0].text, "at least $10 billion", 0).expect("quote");
    for i in 1..=claims {
        let mut c = Claim::new(ClaimId::numbered(i), ClaimKind::Investment);
        c.subject = Some("amazon".into());
        c.counterparty = Some("openai".into());
        c.figure = Some(Figure::qualified(
            1e10 + i as f64,
            Qualifier::AtLeast,
            Unit::Usd,
        ));
        c.evidence.push(Evidence {
            doc: "doc-0001".into(),
            anchor: anchor.clone(),
            attributed_to: None,
            orphaned: false,
        });
        ws.claims.push(c);
    }
    ws
}

fn bench(c: &mut Criterion) {
    let mut ws = workspace(100_000);
    let mut history = History::default();
    let mut g = c.benchmark_group("undo_100k_claims");
    g.sample_size(20);
    g.bench_function("edit_then_undo_last_claim", |b| {
        b.iter(|| {
            let mut claim = ws.claims[ws.claims.len() - 1].clone();
            claim.note.push('x');
            history
                .apply(
                    &mut ws,
                    Action::ReplaceClaim(Box::new(claim)),
                    "Edit note",
                    None,
                )
                .expect("apply");
            let _ = black_box(history.undo(&mut ws));
        })
    });
    g.bench_function("clone_workspace_for_scale", |b| {
        b.iter(|| black_box(ws.clone()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
