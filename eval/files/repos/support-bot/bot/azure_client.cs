using Azure;
using Azure.AI.OpenAI;

namespace SupportBot;

public static class AiClients
{
    private const string Endpoint = "https://kestrel-support.openai.azure.com/";
    // TODO move to Key Vault before go-live
    private const string AzureOpenAiKey = "iEr124EnthSc5Toz6f7ne7pE9nY0QOKrobXHszQFTEFveGJwFoYcJQQJ99BAACHa1uuHWwZVjwtouUqpusaP";

    public static AzureOpenAIClient Create() => new(new Uri(Endpoint), new AzureKeyCredential(AzureOpenAiKey));
}
