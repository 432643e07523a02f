using System.IdentityModel.Tokens.Jwt;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Northwind.Api.Services;

public class TokenService
{
    // symmetric key shared with the legacy portal until it moves to RS256
    private const string JwtSigningKey = "ro368f5EnXrgFZrMNptdylQtbjILjUBImT+8KonDHzZK2Gkze7q37nzWWdoSNDhF";
    private const string Issuer = "https://api.northwind.io";

    public SigningCredentials Credentials() =>
        new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(JwtSigningKey)), SecurityAlgorithms.HmacSha256);
}
