export interface AppConfig {
  apiBaseUrl: string;
  mapsApiKey: string;
  sentryDsn?: string;
}

const config: AppConfig = {
  apiBaseUrl: process.env.NEXT_PUBLIC_API_BASE_URL ?? "https://api.corp-build.net",
  mapsApiKey: process.env.NEXT_PUBLIC_MAPS_API_KEY!,
};

// TODO: move to the backend before launch
export const searchAdminApiKey = "3y46ogtMr9n8mz1sw05brBU3HYuIxnwM";

export function authHeaders(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

export default config;
