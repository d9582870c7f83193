//! The authorization matrix, generated from the router's own route table
//! (every HTTP module's `ROUTES`, listed in `server::http::routes::MODULES`) and the Leptos page routes: every route, GET or POST,
//! × anonymous, each role of organisation A, organisation B's officer and admin, reviewer,
//! review lead and system admin. A route added later is in the table by construction (the
//! router is built from it) and so in this test. Expected admission is written here
//! independently of the server's own checks.

use outage_desk_tests::*;
use server::http::routes::{page_audience, Audience, RouteInfo};

/// Text only organisation A's own incident carries: it must never reach anyone else.
const SECRET: &str = "A사-내부-전용-제목-7731";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Anonymous,
    OfficerA,
    SignatoryA,
    AdminA,
    OfficerB,
    AdminB,
    Reviewer,
    Lead,
    SysAdmin,
}

impl Who {
    const ALL: [Who; 9] = [
        Who::Anonymous,
        Who::OfficerA,
        Who::SignatoryA,
        Who::AdminA,
        Who::OfficerB,
        Who::AdminB,
        Who::Reviewer,
        Who::Lead,
        Who::SysAdmin,
    ];
    fn email(self) -> Option<&'static str> {
        Some(match self {
            Who::Anonymous => return None,
            Who::OfficerA => "officer@a.example",
            Who::SignatoryA => "signatory@a.example",
            Who::AdminA => "admin@a.example",
            Who::OfficerB => "officer@b.example",
            Who::AdminB => "admin@b.example",
            Who::Reviewer => "reviewer@msit.example",
            Who::Lead => "lead@msit.example",
            Who::SysAdmin => "sysadmin@desk.example",
        })
    }
    fn other_organisation(self) -> bool {
        matches!(self, Who::OfficerB | Who::AdminB)
    }
}

/// Whether `who` is meant to use a route for `audience` (on organisation A's records).
fn admitted(audience: Audience, who: Who) -> bool {
    use Who::*;
    match audience {
        Audience::Public => true,
        Audience::SignedIn => who != Anonymous,
        Audience::Operator => matches!(who, OfficerA | SignatoryA | AdminA | OfficerB | AdminB),
        Audience::Filer => matches!(who, OfficerA | SignatoryA | OfficerB),
        Audience::Signatory => matches!(who, SignatoryA),
        Audience::OrgAdmin => matches!(who, AdminA | AdminB),
        Audience::Reviewer => matches!(who, Reviewer | Lead),
        Audience::Lead => matches!(who, Lead),
        Audience::Admin => matches!(who, SysAdmin),
    }
}

/// Organisation A's records the routes' parameters are filled with.
struct Fixture {
    incident: String,
    filing: String,
    attachment: String,
    record: String,
    member: String,
    invitation: String,
    item: String,
}

impl Fixture {
    /// `path` with its parameters filled (`{x}` in axum's form, `:x` in Leptos').
    fn fill(&self, path: &str) -> String {
        let reference = if path.contains("/filings/") { &self.filing } else { &self.incident };
        let id = if path.contains("/attachments/") {
            &self.attachment
        } else if path.contains("/records/") {
            &self.record
        } else if path.contains("/invitations/") {
            &self.invitation
        } else {
            &self.member
        };
        let mut out = Vec::new();
        for seg in path.split('/') {
            let name = seg.strip_prefix(':').or_else(|| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')));
            out.push(match name {
                Some("reference") => reference.clone(),
                Some("id") => id.clone(),
                Some("item") => self.item.clone(),
                Some("number") => "1".into(),
                Some("duty") => "KR-DM-05".into(),
                Some("section") => "impact".into(),
                Some("kind") => "service".into(),
                Some("slug") => "org-a".into(),
                // a token nobody holds: the link pages answer "no longer works"
                Some("token") => "0".repeat(64),
                // nobody's session: ending a caller's own would sign it out mid-walk
                Some("session") => "999999".into(),
                // a feed or open-data file (the other route answers "not found" for it)
                Some("file") => "incidents.csv".into(),
                Some(other) => panic!("no fixture for parameter {other} in {path}"),
                None => seg.to_string(),
            });
        }
        out.join("/")
    }

    fn scoped(path: &str) -> bool {
        ["{reference}", ":reference", "{id}", ":id", "{item}"].iter().any(|p| path.contains(p))
    }
}

async fn fixture(app: &TestApp) -> anyhow::Result<Fixture> {
    let officer = app.signed_in("officer@a.example").await?;
    let signatory = app.signed_in("signatory@a.example").await?;
    let (incident, filing) = file_initial(&officer, &signatory, SECRET).await?;
    assert_eq!(start_stage(&officer, &incident, "interim").await?.status, 303, "a draft to reach");
    let page = format!("/filing/incidents/{incident}");
    let token = officer.get(&page).await?.csrf().unwrap_or_default();
    let form = reqwest::multipart::Form::new()
        .text("_csrf", token)
        .text("description", "증빙")
        .part("file", reqwest::multipart::Part::bytes(b"%PDF-1.4 x".to_vec()).file_name("a.pdf"));
    officer.http.post(format!("{}{page}/attachments", app.base)).multipart(form).send().await?;
    let shown = officer.get(&page).await?.body;
    let attachment = after(&shown, &format!("{page}/attachments/"));
    let reviewer = app.signed_in("reviewer@msit.example").await?;
    let case = format!("/review/incidents/{incident}");
    let due = in_days(3);
    reviewer.submit(&case, &format!("{case}/requests"), &[("question", "자료"), ("due", &due)]).await?;
    let order =
        [("kind", "guidance"), ("legal_basis", "법"), ("content", "개선"), ("deadline", &due), ("items", "계획서")];
    reviewer.submit(&case, &format!("{case}/measures"), &order).await?;
    let item = after(&officer.get(&page).await?.body, &format!("{page}/items/"));
    let admin = app.signed_in("admin@a.example").await?;
    let org = "/filing/organisation";
    let service = [
        ("_form", "service"),
        ("name_ko", "가나다톡"),
        ("name_en", "Ganada Talk"),
        ("paid", "free"),
        ("daily_users", "10"),
    ];
    admin.submit(org, &format!("{org}/service"), &service).await?;
    let member = [
        ("_form", "member"),
        ("member_name", "초대"),
        ("member_email", "invited@a.example"),
        ("member_role", "operator_officer"),
    ];
    admin.submit(org, &format!("{org}/team"), &member).await?;
    let team = admin.get(org).await?.body;
    let fixture = Fixture {
        incident,
        filing,
        attachment,
        record: after(&team, "/filing/organisation/records/"),
        member: after(&team, "/filing/organisation/team/"),
        invitation: after(&team, "/filing/organisation/invitations/"),
        item,
    };
    for (name, v) in [("attachment", &fixture.attachment), ("record", &fixture.record), ("item", &fixture.item)] {
        anyhow::ensure!(!v.is_empty(), "fixture {name} not found");
    }
    Ok(fixture)
}

/// The path segment after the first `marker` in `body`.
fn after(body: &str, marker: &str) -> String {
    body.split(marker).nth(1).and_then(|r| r.split(['/', '"', '?', '#']).next()).unwrap_or("").to_string()
}

async fn every_route_for_every_caller(app: &TestApp) -> anyhow::Result<()> {
    let fx = fixture(app).await?;
    let mut routes: Vec<RouteInfo> = server::http::routes::all();
    let pages: Vec<String> = page_routes().iter().map(|r| r.path().to_string()).collect();
    assert!(pages.len() >= 19, "page routes: {pages:?}");
    for p in &pages {
        let path: &'static str = Box::leak(p.clone().into_boxed_str());
        routes.push(RouteInfo { method: "get", path, audience: page_audience(path), multipart: false });
    }
    let mut checked = 0;
    for who in Who::ALL {
        let client = match who.email() {
            Some(email) => app.signed_in(email).await?,
            None => app.client(),
        };
        // the caller's own token, so what is tested is authorization, not forgery
        let token = client.get(if who == Who::Anonymous { "/login" } else { "/" }).await?.csrf().unwrap_or_default();
        for r in &routes {
            // signing out would end the rest of this caller's walk; tested in http_flow
            if r.path == "/logout" || r.path == "/login" && who != Who::Anonymous {
                continue;
            }
            let path = fx.fill(r.path);
            let page = match (r.method, r.multipart) {
                ("get", _) => client.get(&path).await?,
                (_, true) => {
                    let file = reqwest::multipart::Part::bytes(b"%PDF-1.4 x".to_vec()).file_name("x.pdf");
                    let form = reqwest::multipart::Form::new()
                        .text("_csrf", token.clone())
                        .text("description", "x")
                        .part("file", file);
                    let resp = client.http.post(format!("{}{path}", client.base)).multipart(form).send().await?;
                    let status = resp.status().as_u16();
                    let location = resp.headers().get("location").and_then(|v| v.to_str().ok()).map(str::to_string);
                    Page { status, location, body: resp.text().await?, ..Page::default() }
                }
                _ => client.post(&path, &[("_csrf", &token)]).await?,
            };
            let what = format!("{who:?} {} {path} ({:?})", r.method, r.audience);
            assert!(page.status < 500, "{what}: {}", page.status);
            // the ministry reads every filing; nobody else outside organisation A reads its text
            if matches!(who, Who::Anonymous | Who::OfficerB | Who::AdminB | Who::SysAdmin) {
                assert!(!page.body.contains(SECRET), "{what}: another organisation's text in the answer");
            }
            let work_area = ["/filing", "/review", "/account/", "/admin"].iter().any(|p| path.starts_with(p));
            match (admitted(r.audience, who), who) {
                (false, Who::Anonymous) if work_area => {
                    let to_login = page.status == 303
                        && page.location.as_deref().is_some_and(|l| l == "/login" || l.starts_with("/login?next=%2F"));
                    assert!(to_login || page.status == 403, "{what}: {} {:?}", page.status, page.location);
                }
                (false, _) => assert!(matches!(page.status, 403 | 404), "{what}: refused, got {}", page.status),
                (true, w) if w.other_organisation() && Fixture::scoped(r.path) => {
                    // not found; or the empty form refused before the record is looked up,
                    // which says nothing about it either (and the text check above holds)
                    assert!(matches!(page.status, 404 | 422), "{what}: another organisation's record: {}", page.status);
                }
                (true, _) => assert_ne!(page.status, 403, "{what}: admitted but refused"),
            }
            checked += 1;
        }
    }
    eprintln!("authorization matrix: {} routes × {} callers = {checked} requests", routes.len(), Who::ALL.len());
    Ok(())
}
on_both_backends!(matrix_db => every_route_for_every_caller);
