// The apply page's call for applications (모집공고): the call open now and its deadline, with a countdown on its last
// day; or, outside a call, when the next one opens. Times are Korea time, whatever the browser's zone, and counted on
// the server's clock (the options' `now`), not the browser's.

import { bilingual, element } from './site.js';

const lastDay = 24 * 60 * 60 * 1000;

function koreaTime(at, locale) {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Seoul', year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(new Date(at));
}

function left(milliseconds) {
  const minutes = Math.max(0, Math.ceil(milliseconds / 60000));
  const [hours, rest] = [Math.floor(minutes / 60), minutes % 60];
  return [`${hours}시간 ${rest}분`, `${hours} h ${rest} min`];
}

function title(call) {
  return [call.title.ko, call.title.en];
}

/**
 * Shows the programme's calls in `box` and keeps the countdown going; calls `onClosed` when the open call's deadline
 * passes while the page is open. Returns whether a call is open now.
 */
export function showCall(box, calls, serverNow, onClosed) {
  const skew = new Date(serverNow).getTime() - Date.now();
  const now = () => Date.now() + skew;
  const open = calls?.open;
  const next = calls?.next;
  if (open && new Date(open.closesAt).getTime() > now()) {
    const closesAt = new Date(open.closesAt).getTime();
    const countdown = element('p', { class: 'countdown', role: 'timer' });
    box.replaceChildren(
      bilingual('h2', title(open)),
      bilingual('p', [`접수 마감: ${koreaTime(open.closesAt, 'ko-KR')} (한국 시간)`, `Applications close ${koreaTime(open.closesAt, 'en-GB')} (Korea time)`]),
      countdown);
    const tick = () => {
      const remaining = closesAt - now();
      if (remaining <= 0) {
        clearInterval(timer);
        onClosed();
        return;
      }

      countdown.hidden = remaining > lastDay;
      const [ko, en] = left(remaining);
      countdown.replaceChildren(bilingual('strong', [`마감까지 ${ko} 남았습니다`, `${en} left to apply`]));
    };
    const timer = setInterval(tick, 30000);
    tick();
    box.hidden = false;
    return true;
  }

  box.replaceChildren(
    bilingual('h2', ['지금은 신청을 받지 않습니다', 'Applications are not being taken now']),
    next
      ? bilingual('p', [`다음 모집 「${next.title.ko}」은 ${koreaTime(next.opensAt, 'ko-KR')} (한국 시간)에 시작합니다.`,
        `The next call, “${next.title.en}”, opens ${koreaTime(next.opensAt, 'en-GB')} (Korea time).`])
      : bilingual('p', ['다음 모집 일정은 아직 정해지지 않았습니다. 사무국 공지를 확인해 주세요.',
        'No next call has been announced yet. Please watch the programme office\'s notices.']));
  box.hidden = false;
  return false;
}
