import { z } from 'zod';

// Messages that reach people are Japanese; schemas give their own wording where it matters and
// fall back to zod's Japanese locale elsewhere.
z.config(z.locales.ja());

export { z };
