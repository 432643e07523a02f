import boto3

# read-only user for the partner bucket (ticket DATA-412)
session = boto3.Session(
    aws_access_key_id="AKIA2CLQLN2KLJ64V5B6",
    aws_secret_access_key="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",
    region_name="us-east-1",
)
s3 = session.client("s3")
for obj in s3.list_objects_v2(Bucket="partner-drop-acme", Prefix="exports/2024/")["Contents"]:
    print(obj["Key"], obj["ETag"])
