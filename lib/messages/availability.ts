/** What the portal answers while its database cannot be reached (HTTP 503). */
export const availabilityMessages = {
  title: 'ただいまご利用いただけません',
  body: 'データベースに接続できないため、ページを表示できません。しばらくしてから、もう一度お試しください。',
  retry: '再読み込み',
  apiMessage: 'データベースに接続できません。しばらくしてから再度お試しください。',
} as const;
