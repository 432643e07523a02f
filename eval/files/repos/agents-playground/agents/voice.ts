import { ElevenLabsClient } from "elevenlabs";
import Replicate from "replicate";

const eleven = new ElevenLabsClient({ apiKey: "sk_a4d66f02f29ed1fbf771e4479fb9573dcae8b9b9d8b4a103" });
const replicate = new Replicate({ auth: "r8_2vgyk2FqoLdDP37dktJlWDSgTw3ccmb6dYEc7" });

export async function speak(text: string) {
  return eleven.textToSpeech.convert("zfaiAuyMuB7qeSdQnnf0", { text, model_id: "eleven_turbo_v2_5" });
}
