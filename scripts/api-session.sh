#!/usr/bin/env bash
# The curl session of docs/API.md: a three-stage filing entirely through /api/v1, as an
# integrator would script it. Run against a demo desk (make run): scripts/api-session.sh [URL]
# (scripts/api-fuzz.sh runs it too, so the documented session keeps working).
set -euo pipefail
cd "$(dirname "$0")/.."
DESK="${1:-http://127.0.0.1:3000}"
OFFICER=$(scripts/api-token.py $DESK officer@pangyo-talk.example demo-password-2026 read,file)
SIGNER=$(scripts/api-token.py $DESK signatory@pangyo-talk.example demo-password-2026 read,file,submit \
  DEMOKEYOFOUTAGEDESKMAKERUNTWO2FA)
api() { curl -sS --fail-with-body -H "Authorization: Bearer $1" -H 'Content-Type: application/json' "${@:2}"; }
key() { cat /proc/sys/kernel/random/uuid; }

# 1. open the incident (an initial-notification draft comes with it)
REF=$(api $OFFICER -H "Idempotency-Key: $(key)" -d '{"title":"메신저 로그인 장애"}' \
  $DESK/api/v1/incidents | jq -r .reference)

# 2. answer, with the revision read; then ask what is still missing
REV=$(api $OFFICER $DESK/api/v1/incidents/$REF/draft | jq .revision)
api $OFFICER -X PATCH -H "If-Match: \"$REV\"" $DESK/api/v1/incidents/$REF/draft \
  -d @docs/examples/initial-answers.json >/dev/null
api $OFFICER $DESK/api/v1/incidents/$REF/draft/check | jq -c '{ready, problems}'

# 3. the signatory files exactly that content
file() {
  HASH=$(api $SIGNER $DESK/api/v1/incidents/$REF/draft/check | jq -r .content_sha256)
  api $SIGNER -H "Idempotency-Key: $(key)" $DESK/api/v1/incidents/$REF/draft/submit \
    -d "{\"signatory_title\":\"대표이사\",\"declaration\":true,\"content_sha256\":\"$HASH\"}" | jq -c '{reference, stage}'
}
file

# 4. the interim update, then the final report: start the stage, change what changed, file
for STAGE in interim final; do
  api $OFFICER -H "Idempotency-Key: $(key)" $DESK/api/v1/incidents/$REF/draft -d "{\"stage\":\"$STAGE\"}" >/dev/null
  REV=$(api $OFFICER $DESK/api/v1/incidents/$REF/draft | jq .revision)
  if [ $STAGE = interim ]; then CHANGES='{"fields":{"status":"partially_restored","severity":"alert",
    "pct_services_restored":"40","data_loss":"no","timeline.0.at":"2026-01-10T09:05:00+09:00",
    "timeline.0.kind":"detect","timeline.0.text":"경보 발생"}}'
  else CHANGES='{"fields":{"status":"restored","severity":"serious","restored_at":"2026-01-10T15:00:00+09:00",
    "detailed_causes":"hw_physical_damage","cause_narrative":"배터리실 화재로 전원 차단",
    "assets_affected":"power","data_replicated":"yes","service_multi_dc":"yes","ops_tools_multi_dc":"no",
    "rto_target_min":"120","rto_actual_min":"360","compensation_scheme":"이용 기간 3배 연장",
    "prevention.0.measure":"운영 도구 이중화","prevention.0.owner":"인프라실",
    "prevention.0.due":"2026-06-30","prevention.0.status":"planned"}}'; fi
  api $OFFICER -X PATCH -H "If-Match: \"$REV\"" $DESK/api/v1/incidents/$REF/draft -d "$CHANGES" >/dev/null
  file
done
api $OFFICER $DESK/api/v1/incidents/$REF | jq -c '{stages: [.versions[].stage], status}'
