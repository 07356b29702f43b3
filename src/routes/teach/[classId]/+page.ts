import type { PageLoad } from './$types';

// A class exists only on the server: its page opens through the app shell (200.html), online or not.
export const prerender = false;

export const load: PageLoad = ({ params }) => ({ classId: params.classId });
