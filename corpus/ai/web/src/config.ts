// Front-end + edge runtime configuration for the ragdesk web app.
import { createGateway } from "@ai-sdk/gateway";

export const publicConfig = {
  appName: "ragdesk",
  // Browser key for the office map widget (restricted by HTTP referrer).
  googleMapsApiKey: "AIzaSysDgxzcx4BBCn8ujZSil0ZlyEbb1kwIlAS",
  sentryDsn: "https://4f2a9c1b7e3d4a5f8b6c0d1e2f3a4b5c@o450123.ingest.sentry.io/5512345",
};

export const providers = {
  gateway: createGateway({ apiKey: "vck_mfMgyhU2sHZ4T6R9PvwznyDoGxeFR3bxITEwbOEjiGeHJ792iD7QjlPG" }),
  deepseek: { apiKey: "sk-fefbc51859cc63cc48ecc046e8b20890", baseURL: "https://api.deepseek.com/v1" },
  openai: { apiKey: process.env.OPENAI_API_KEY ?? "" },
  anthropic: { apiKey: process.env.ANTHROPIC_API_KEY! },
};

export async function speak(text: string): Promise<ArrayBuffer> {
  const res = await fetch("https://api.elevenlabs.io/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM", {
    method: "POST",
    headers: { "xi-api-key": "sk_d05c5ef3597424daf32196dfa493c51de2be8a8c41f63bb0", "Content-Type": "application/json" },
    body: JSON.stringify({ text, model_id: "eleven_multilingual_v2" }),
  });
  return res.arrayBuffer();
}
