//! The organisation's people: roles, disabled accounts, open invitations. Admins change
//! roles, disable and enable colleagues and withdraw invitations; everyone else reads.

use leptos::prelude::*;

use crate::api::{Invitation, TeamMember};
use crate::domain::auth::Role;
use crate::i18n::Msg;
use crate::ui::forms::{ConfirmedPost, CsrfField};
use crate::ui::shell::use_lang;
use crate::ui::table::DataTable;

const OPERATOR_ROLES: [Role; 3] = [Role::OperatorOfficer, Role::OperatorSignatory, Role::OperatorAdmin];

/// The team table, followed by the invitations an admin has open.
#[component]
pub fn Team(team: Vec<TeamMember>, invitations: Vec<Invitation>, can_edit: bool) -> impl IntoView {
    let lang = use_lang();
    let rows = team
        .into_iter()
        .map(|m| {
            let manage = can_edit && !m.is_me;
            let role = if manage && !m.disabled {
                let options = OPERATOR_ROLES
                    .into_iter()
                    .map(|r| view! { <option value=r.as_str() selected=r == m.role>{Msg::from(r).t(lang)}</option> })
                    .collect_view();
                let id = format!("role-{}", m.id);
                view! {
                    <form method="post" action=format!("/filing/organisation/team/{}/role", m.id) class="inline-form compare-form">
                        <CsrfField/>
                        <label for=id.clone() class="visually-hidden">{Msg::RoleLabel.t(lang)}" "{m.name.clone()}</label>
                        <select id=id name="role">{options}</select>
                        <button type="submit" class="button button-secondary">{Msg::ChangeRole.t(lang)}</button>
                    </form>
                }
                .into_any()
            } else {
                view! { <span>{Msg::from(m.role).t(lang)}</span> }.into_any()
            };
            let (verb, label) = if m.disabled { ("enable", Msg::EnableMember) } else { ("disable", Msg::DisableMember) };
            let access = manage.then(|| {
                view! {
                    <form method="post" action=format!("/filing/organisation/team/{}/access", m.id) class="inline-form">
                        <CsrfField/>
                        <input type="hidden" name="access" value=verb/>
                        <button type="submit" class="button button-secondary">
                            {label.t(lang)}<span class="visually-hidden">" "{m.name.clone()}</span>
                        </button>
                    </form>
                }
            });
            let state = if m.disabled { Msg::MemberDisabled } else { Msg::MemberActive };
            let reset = (manage && m.two_step).then(|| {
                view! {
                    <ConfirmedPost action=format!("/filing/organisation/team/{}/two-step/reset", m.id)
                        steps=crate::pages::admin_staff::RESET_STEPS/>
                }
            });
            view! {
                <tr>
                    <td>{m.name.clone()}</td>
                    <td>{m.email.clone()}</td>
                    <td>{role}</td>
                    <td><strong class="tag" class:tag-grey=m.disabled>{state.t(lang)}</strong>{access}</td>
                    <td>{crate::pages::admin_staff::two_step_tag(lang, m.two_step)}{reset}</td>
                </tr>
            }
        })
        .collect_view();
    let open = (!invitations.is_empty()).then(|| {
        let rows = invitations
            .into_iter()
            .map(|i| {
                view! {
                    <tr>
                        <td>{i.name.clone()}</td>
                        <td>{i.email.clone()}</td>
                        <td>{Msg::from(i.role).t(lang)}</td>
                        <td>
                            <form method="post" action=format!("/filing/organisation/invitations/{}/withdraw", i.id) class="inline-form">
                                <CsrfField/>
                                <button type="submit" class="button button-secondary">
                                    {Msg::WithdrawInvitation.t(lang)}<span class="visually-hidden">" "{i.email.clone()}</span>
                                </button>
                            </form>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h3 id="invitations-title">{Msg::InvitationsTitle.t(lang)}</h3>
            <p class="hint">{Msg::InvitationsHint.t(lang)}</p>
            <DataTable caption=Msg::InvitationsTitle.t(lang)
                columns=vec![Msg::Name.into(), Msg::Email.into(), Msg::RoleLabel.into(), Msg::Actions.into()]>
                {rows}
            </DataTable>
        }
    });
    view! {
        <h2 id="team-title">{Msg::TeamTitle.t(lang)}</h2>
        <DataTable caption=Msg::TeamTitle.t(lang)
            columns=vec![Msg::Name.into(), Msg::Email.into(), Msg::RoleLabel.into(), Msg::AccountState.into(), Msg::TwoStepColumn.into()]>
            {rows}
        </DataTable>
        <p class="hint">{Msg::TeamHint.t(lang)}</p>
        {open}
    }
}
