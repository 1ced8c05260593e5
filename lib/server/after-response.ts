import 'server-only';
import { after } from 'next/server';

/*
 * Work that must not shape the response: recording a read of a non-public document, or a denied
 * attempt. Done after the response is sent, so a hidden document and a missing one answer in the
 * same time. Outside a request (scripts, tests) it simply runs now.
 */
export async function afterResponse(task: () => Promise<void>): Promise<void> {
  const guarded = async () => {
    try {
      await task();
    } catch (error) {
      console.error('after-response task failed', error);
    }
  };
  try {
    after(guarded);
  } catch {
    await guarded();
  }
}
