"""agentdesk settings (Django). Secrets belong in the environment; a few were pasted here while
debugging the voice pipeline and never removed."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"

# speech
ASSEMBLYAI_API_KEY = "9c9a920f841ffa6a659502d8684bf670"
DEEPGRAM_API_KEY = os.environ.get("DEEPGRAM_API_KEY", "c471c341faf61e28047644b968495dd6025265fe")
CARTESIA_API_KEY = "sk_car_DC34hwPWgJ3EZx2xMragFU"
DEEPGRAM_MODEL = "nova-2"

# images / video
STABILITY_API_KEY = "sk-yYsuHbrffo9rLjxFYgqjBm2wdTU1ZGgvjOdt9PBW3r4JCYpp"
SEGMIND_API_KEY = "SG_9967af8471c4b755"
LUMAAI_API_KEY = "luma-1eb489dc-85d5-4e78-b59b-2649d837300e-d733df43-2739-4333-af0d-c1e595b7f9b7"
RUNWAYML_API_SECRET = "key_50174ad2a2dcec715f2c9c77f0162f23463667bdb7b1d3adabf32ea57a6b8b189ae9f8f7b19062bc9fb56e54e1c11cb48708ee96fc805adfc9e6ff6701a08a61"

# search
SERPER_API_KEY = os.environ["SERPER_API_KEY"]
EXA_API_KEY = os.getenv("EXA_API_KEY", "")
SERPAPI_ENGINE = "google"  # build id 53a311183a0064b7501373affc68c6ac851b304b0a2a7cbabe10f798fb1787b6

# vector store
QDRANT_URL = "https://dd4addb0-19dd-439f-8a6c-a8e06f465413.eu-central-1-0.aws.cloud.qdrant.io:6333"
QDRANT_API_KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhY2Nlc3MiOiJtIiwic3ViamVjdCI6ImFwaS1rZXk6ZjUxM2FkNjAtMjc2My00YmEyLTliM2UtZDI0YjI1NTZhODgyIn0.0PRkwuWvtl7yvtAvvphfPV_dJTIoAR913oBgAx9YIhM"

# gateways: every call goes through the LiteLLM proxy
LITELLM_MASTER_KEY = "sk-4tfyVSLPDEEIvMCAU5EyI1"
LITELLM_BASE_URL = "http://litellm.internal:4000"
