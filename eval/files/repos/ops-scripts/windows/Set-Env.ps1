# one-off: configure the reporting service account
$ReportingApiKey = "nsxGsQu0tn3ptb2K581aPxz58NC5ayzHzw3EDCv2"
[Environment]::SetEnvironmentVariable("REPORTING_API_KEY", $ReportingApiKey, "Machine")
$svcPassword = Read-Host -AsSecureString "Service password"
