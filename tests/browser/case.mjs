// A whole review case in the browser: a filing arrives → a duty is assessed → information is
// requested and answered with a file → a corrective order is issued, acknowledged, its items
// reported done and verified → the summary is redacted, sent for approval, approved by the
// review lead and published → the public page shows it without the withheld text → closed.

const SECRET = '판교 A동 3층 관리망';

export async function wholeCase({ browser, BASE, reference, check, signIn, accessible }) {
  const incident = reference.replace(/-\d{2}$/, '');
  const caseUrl = `${BASE}/review/incidents/${incident}`;
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, 'reviewer@msit.example');
  await reviewer.getByRole('link', { name: reference }).first().click();
  await reviewer.getByRole('link', { name: /검토 사건 열기/ }).first().click();
  await reviewer.waitForURL(caseUrl);
  await accessible(reviewer, 'case page');

  // a finding on one duty, with its rationale
  await reviewer.getByRole('link', { name: 'KR-DM-05' }).click();
  await reviewer.getByLabel('일부 준수').check();
  await reviewer.fill('#rationale', '최초 보고는 제때 왔으나 복구대책이 비어 있었습니다.');
  await reviewer.getByRole('button', { name: '평가 저장' }).click();
  await reviewer.waitForURL(`${caseUrl}?saved=finding#duties`);
  check(await reviewer.getByText('최초 보고는 제때 왔으나').count() === 1, 'finding listed');
  check((await reviewer.getByRole('status').innerText()).includes('판단을 저장했습니다'), 'the finding is confirmed');

  // a request for information
  await reviewer.fill('#question', '복구 절차서를 제출하십시오.');
  await reviewer.fill('#due', '2030-01-31T18:00');
  await reviewer.getByRole('button', { name: '요청 보내기' }).click();
  await reviewer.waitForURL(`${caseUrl}?saved=request#requests`);

  // the operator answers it with a file
  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, 'officer@pangyo-talk.example');
  await officer.goto(`${BASE}/filing/incidents/${incident}`);
  check(await officer.getByText('복구 절차서를 제출하십시오.').count() === 1, 'operator sees the request');
  check(await officer.getByText('최초 보고는 제때 왔으나').count() === 0, 'operator never sees findings');
  const request = (await officer.locator('form[action*="/requests/"]').first().getAttribute('action')).split('/').pop();
  await officer.fill(`#body_${request}`, '절차서를 첨부합니다.');
  await officer.setInputFiles(`#file_${request}`, { name: 'procedure.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 procedure') });
  await officer.getByRole('button', { name: '답변 제출' }).click();
  await officer.waitForLoadState('load');

  // the ministry sees the answer, closes the request and issues a corrective order
  await reviewer.goto(caseUrl);
  check(await reviewer.getByText('절차서를 첨부합니다.').count() === 1, 'answer in the thread');
  check(await reviewer.getByRole('link', { name: 'procedure.pdf' }).count() >= 1, 'answer file listed');
  // closing a request takes a second click: the button sits in a closed disclosure
  const closeRequest = reviewer.locator(`form[action$="/requests/${request}/close"] button`);
  check(!(await closeRequest.isVisible()), 'closing a request asks first');
  await reviewer.getByText('요청 종결…').click();
  await closeRequest.click();
  await reviewer.waitForLoadState('load');
  await reviewer.getByLabel('시정명령').check();
  await reviewer.fill('#legal_basis', '전기통신사업법 제92조제1항');
  await reviewer.fill('#content', '운영 도구를 이중화하십시오.');
  await reviewer.fill('#deadline', '2030-03-31T18:00');
  await reviewer.fill('#items', '운영 도구 이중화\n전환 훈련');
  await reviewer.getByText('조치 부과…').click();
  await reviewer.getByRole('button', { name: '조치 부과', exact: true }).click();
  await reviewer.waitForURL(`${caseUrl}?saved=measure#measures`);

  // the operator acknowledges and reports each item done
  await officer.goto(`${BASE}/filing/incidents/${incident}`);
  await officer.getByRole('button', { name: '조치 수령 확인' }).last().click();
  await officer.waitForLoadState('load');
  for (let i = 0; i < 5; i++) {
    const form = officer.locator('form[action*="/items/"]').first();
    if (await form.count() === 0) break;
    await form.locator('textarea').fill('완료했습니다. 증빙: 훈련 보고서');
    await form.getByRole('button', { name: '이행 완료 보고' }).click();
    await officer.waitForLoadState('load');
  }

  // the ministry verifies each item
  await reviewer.goto(caseUrl);
  for (let i = 0; i < 5; i++) {
    const form = reviewer.locator('form[action*="/items/"]').filter({ hasText: '이행 확인 (수용)' }).first();
    if (await form.count() === 0) break;
    await form.getByLabel('이행 확인 (수용)').check();
    await form.getByRole('button', { name: '확인 결과 저장' }).click();
    await reviewer.waitForLoadState('load');
  }
  check(await reviewer.getByText('이행 확인', { exact: true }).count() >= 2, 'items verified');

  // the summary: redact one passage, explain it, send for approval
  await reviewer.goto(`${caseUrl}/summary`);
  await accessible(reviewer, 'summary page');
  await reviewer.fill('#cause_ko', `운영 도구가 [[${SECRET}]]에만 있어 전환하지 못했습니다.`);
  await reviewer.fill('#cause_en', 'Operations tooling ran in [[one site]] only.');
  await reviewer.fill('#redaction_note_ko', '보안상 민감한 위치는 비공개 처리했습니다.');
  await reviewer.fill('#redaction_note_en', 'A security-sensitive location is withheld.');
  await reviewer.getByRole('button', { name: '저장하고 승인 요청' }).click();
  await reviewer.waitForLoadState('load');
  check(await reviewer.getByRole('button', { name: '승인하고 공개' }).count() === 0, 'the drafter cannot approve');
  const anon = await (await browser.newContext()).newPage();
  const before = await anon.goto(`${BASE}/incidents/${incident}`);
  check(before.status() === 404, 'nothing public before approval');

  // the review lead approves: published at once
  const lead = await (await browser.newContext()).newPage();
  await signIn(lead, 'lead@msit.example');
  await lead.goto(`${caseUrl}/summary`);
  await lead.getByText('승인하고 공개…').click();
  await lead.getByRole('button', { name: '승인하고 공개', exact: true }).click();
  await lead.waitForURL(`**/incidents/${incident}`);
  await anon.goto(`${BASE}/incidents/${incident}`);
  const text = await anon.locator('main').innerText();
  check(text.includes('[비공개]'), 'withheld passage marked');
  check(!text.includes(SECRET), 'withheld text never shown');
  check(text.includes('KR-DM-05') && text.includes('시정명령'), 'findings and measures published');

  // the case closes, and the history shows the steps
  // closing goes through a confirmation page that lists what is still open and needs a reason
  await reviewer.goto(caseUrl);
  await reviewer.getByRole('link', { name: '사건 종결…' }).click();
  await reviewer.waitForURL(`${caseUrl}/close`);
  // (the close page streams its warnings: wait for them rather than read at first paint)
  await reviewer.getByText(/평가되지 않았습니다/).first().waitFor({ timeout: 10_000 }).catch(() => {});
  const closing = await reviewer.locator('main').innerText();
  check(closing.includes('평가되지 않았습니다'), `unassessed duties listed: ${closing.slice(0, 400)}`);
  await reviewer.getByRole('button', { name: '사건 종결' }).click();
  await reviewer.waitForLoadState('load');
  check(await reviewer.locator('#close_note-error').count() === 1, 'a reason is required');
  check(await reviewer.locator('#confirm-error').count() === 1, 'the tick is required');
  await reviewer.fill('#close_note', '조치 이행 확인 완료');
  await reviewer.locator('#confirm').check();
  await reviewer.getByRole('button', { name: '사건 종결' }).click();
  await reviewer.waitForURL(`${caseUrl}?saved=closed`);
  check(await reviewer.locator('.tag', { hasText: '종결' }).count() >= 1, 'case closed');
  // a review lead reopens it with a reason
  await lead.goto(caseUrl);
  await lead.fill('#reopen_reason', '추가 사실 확인');
  await lead.getByRole('button', { name: '사건 재개' }).click();
  await lead.waitForURL(`${caseUrl}?saved=reopened`);
  const history = await lead.locator('#history ~ .table-scroll').innerText();
  for (const step of ['의무 평가', '사업자 답변', '조치 부과', '이행 확인', '공개 요약 승인·공개', '사건 종결', '사건 재개', '추가 사실 확인']) {
    check(history.includes(step), `history shows ${step}`);
  }
}
