//! Small workspaces built in code for the analysis and report tests.
#![allow(dead_code)]

use claimbench::model::*;

/// A workspace builder: entities, documents with text, claims anchored in that text.
pub struct Builder {
    pub ws: Workspace,
}

impl Builder {
    pub fn new() -> Self {
        Self {
            ws: Workspace::new("test"),
        }
    }

    pub fn entity(mut self, id: &str, name: &str, parent: Option<&str>) -> Self {
        self.ws.entities.push(Entity {
            id: id.into(),
            name: name.into(),
            aliases: vec![],
            kind: EntityKind::Company,
            parent: parent.map(Into::into),
        });
        self
    }

    pub fn doc(mut self, id: &str, outlet: &str, published: &str, text: &str) -> Self {
        self.ws.documents.push(SourceDocument {
            id: id.into(),
            title: format!("{outlet} story"),
            outlet: outlet.into(),
            author: None,
            url: None,
            published: Some(published.parse().unwrap()),
            imported_at: None,
            sha256: SourceDocument::hash_text(text),
            cites: vec![],
            text: text.into(),
            excluded: vec![],
            rejected: Vec::new(),
            import_notes: Vec::new(),
            import_marks: Default::default(),
        });
        self
    }

    pub fn cites(mut self, doc: &str, cites: &[&str]) -> Self {
        let d = self
            .ws
            .documents
            .iter_mut()
            .find(|d| d.id.as_str() == doc)
            .unwrap();
        d.cites = cites.iter().map(|s| s.to_string()).collect();
        self
    }

    /// A claim with one evidence span quoting `quote` in `doc`.
    #[allow(clippy::too_many_arguments)]
    pub fn claim(
        mut self,
        n: u64,
        kind: ClaimKind,
        subject: &str,
        counterparty: Option<&str>,
        figure: Option<Figure>,
        status: ClaimStatus,
        as_of: Option<&str>,
        evidence: &[(&str, &str)],
    ) -> Self {
        let mut c = Claim::new(ClaimId::numbered(n), kind);
        c.subject = Some(subject.into());
        c.counterparty = counterparty.map(Into::into);
        c.figure = figure;
        c.status = status;
        c.as_of = as_of.map(|d| d.parse().unwrap());
        for (doc, quote) in evidence {
            let text = &self.ws.document(&DocId::from(*doc)).unwrap().text;
            let anchor =
                Anchor::find(text, quote, 0).unwrap_or_else(|| panic!("{quote:?} not in {doc}"));
            c.evidence.push(Evidence {
                doc: (*doc).into(),
                anchor,
                attributed_to: None,
                orphaned: false,
            });
        }
        self.ws.claims.push(c);
        self
    }

    pub fn build(self) -> Workspace {
        let problems = self.ws.validate();
        assert!(problems.is_empty(), "{problems:?}");
        self.ws
    }
}

pub fn usd(v: f64) -> Option<Figure> {
    Some(Figure::exact(v * 1e9, Unit::Usd))
}

pub fn usd_q(v: f64, q: Qualifier) -> Option<Figure> {
    Some(Figure::qualified(v * 1e9, q, Unit::Usd))
}

/// The Amazon / OpenAI / Nvidia story, told by three outlets, in our own words.
pub fn deals() -> Workspace {
    Builder::new()
        .entity("amazon", "Amazon", None)
        .entity("aws", "AWS", Some("amazon"))
        .entity("openai", "OpenAI", None)
        .entity("nvidia", "Nvidia", None)
        .doc(
            "doc-0001",
            "Wire One",
            "2025-12-16",
            "Per a report by The Information, Amazon is negotiating to put at least $10 billion into OpenAI. \
             Amazon shares climbed 2.3% on the news.",
        )
        .doc(
            "doc-0002",
            "Daily Two",
            "2025-12-17",
            "Amazon is weighing a $10 billion stake in OpenAI. Amazon stock jumped 5% afterwards. \
             In November OpenAI agreed to pay AWS $38 billion over seven years. \
             Nvidia signed a letter of intent in September to invest $100 billion in OpenAI.",
        )
        .doc(
            "doc-0003",
            "Weekly Three",
            "2025-12-17",
            "OpenAI is said to be discussing an investment of more than $10 billion from Amazon. \
             OpenAI will deploy at least 10 GW of Nvidia systems.",
        )
        .claim(1, ClaimKind::Investment, "amazon", Some("openai"), usd_q(10.0, Qualifier::AtLeast),
            ClaimStatus::InTalks, Some("2025-12-16"), &[("doc-0001", "at least $10 billion into OpenAI")])
        .claim(2, ClaimKind::Investment, "amazon", Some("openai"), usd(10.0),
            ClaimStatus::InTalks, Some("2025-12-16"), &[("doc-0002", "a $10 billion stake in OpenAI")])
        .claim(3, ClaimKind::Investment, "amazon", Some("openai"), usd_q(10.0, Qualifier::MoreThan),
            ClaimStatus::InTalks, Some("2025-12-16"), &[("doc-0003", "more than $10 billion from Amazon")])
        .claim(4, ClaimKind::StockMove, "amazon", None, Some(Figure::exact(2.3, Unit::Percent)),
            ClaimStatus::Completed, Some("2025-12-16"), &[("doc-0001", "climbed 2.3%")])
        .claim(5, ClaimKind::StockMove, "amazon", None, Some(Figure::exact(5.0, Unit::Percent)),
            ClaimStatus::Completed, Some("2025-12-17"), &[("doc-0002", "jumped 5%")])
        .claim(6, ClaimKind::ComputeCommitment, "openai", Some("aws"), usd(38.0),
            ClaimStatus::Signed, Some("2025-11"), &[("doc-0002", "pay AWS $38 billion over seven years")])
        .claim(7, ClaimKind::Investment, "nvidia", Some("openai"), usd(100.0),
            ClaimStatus::LetterOfIntent, Some("2025-09"), &[("doc-0002", "invest $100 billion in OpenAI")])
        .claim(8, ClaimKind::Capacity, "openai", Some("nvidia"),
            Some(Figure::qualified(10.0, Qualifier::AtLeast, Unit::Gw)),
            ClaimStatus::LetterOfIntent, Some("2025-09"), &[("doc-0003", "at least 10 GW of Nvidia systems")])
        .build()
}
