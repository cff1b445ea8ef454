/** The sprite of the action icons (see src/lib/act-sprite.ts), written once to dist/hinh/act.svg. */
import type { APIRoute } from 'astro';
import { actSprite } from '~/lib/act-sprite';

export const GET: APIRoute = () => new Response(actSprite(), { headers: { 'Content-Type': 'image/svg+xml' } });
