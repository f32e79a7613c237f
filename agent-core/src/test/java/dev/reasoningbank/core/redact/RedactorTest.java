package dev.reasoningbank.core.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = Redactor.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "openai key        | invalid key sk-proj-abcdefghijklmnop1234 given             | sk-proj-abcdefghijklmnop1234 | [REDACTED:api-key]",
        "aws key           | using AKIAABCDEFGHIJKLMNOP today                           | AKIAABCDEFGHIJKLMNOP         | [REDACTED:api-key]",
        "github token      | token ghp_abcdefghijklmnopqrstuvwxyz0123456789 refused    | ghp_abcdefghijklmnopqrstuvwxyz0123456789 | [REDACTED:api-key]",
        "bearer            | Authorization: Bearer abc.def-123_xyz failed              | abc.def-123_xyz              | Bearer [REDACTED:token]",
        "basic auth header | Authorization: Basic dXNlcjpwYXNz                         | dXNlcjpwYXNz                 | Basic [REDACTED:token]",
        "url password      | cannot open postgres://app:s3cr3tPass@db.local:5432/x     | s3cr3tPass                   | postgres://app:[REDACTED:url-password]@db.local",
        "query api_key     | GET https://api.example.com/v1?city=Oslo&api_key=abc123xyz&units=metric | abc123xyz   | api_key=[REDACTED:secret]&units=metric",
        "query token       | GET /v1/data?token=zzz999aaa                              | zzz999aaa                    | token=[REDACTED:secret]",
        "password=         | login failed password=hunter22 for bob                    | hunter22                     | password=[REDACTED:secret]",
        "json secret       | {\"client_secret\": \"topsecretvalue\"}                    | topsecretvalue               | [REDACTED:secret]",
        "key colon space   | x-api-key: 7f3c9a1b2d4e                                   | 7f3c9a1b2d4e                 | x-api-key: [REDACTED:secret]",
        "key inside path   | GET /v1/keys/sk-proj-abcdefghijklmnop1234 failed          | sk-proj-abcdefghijklmnop1234 | /v1/keys/[REDACTED:api-key]",
        "key after equals  | value=sk-proj-abcdefghijklmnop1234                         | sk-proj-abcdefghijklmnop1234 | value=[REDACTED:api-key]",
        "userinfo, no url  | connect admin:hunter2secret@db.internal:5432 refused       | hunter2secret                | admin:[REDACTED:url-password]@db.internal",
        "openweather appid | GET /data/2.5/weather?q=Oslo&appid=b6907d289e10d714a6e88b30761fae22 | b6907d289e10d714a6e88b30761fae22 | appid=[REDACTED:secret]",
        "slack webhook     | POST https://hooks.slack.com/services/T0AB12CD3/B0EF45GH6/q9Rw2xYz returned 404 | T0AB12CD3/B0EF45GH6/q9Rw2xYz | hooks.slack.com/services/[REDACTED:webhook] returned 404",
        "cli password flag | Command was: pg_dump --username app --password winter --dbname orders | winter | --password [REDACTED:secret] --dbname orders",
        "name ending in key| settings.py: ADAFRUIT_IO_KEY = 'aio_sa4lV0TLfdHv2W7Pn422kgKx' | aio_sa4lV0TLfdHv2W7Pn422kgKx | ADAFRUIT_IO_KEY = '[REDACTED:secret]'",
        "env user:password | CI had BUNDLE_GEMS__ACME__COM=0eebfe9b:5ceb2549 set         | 5ceb2549                     | BUNDLE_GEMS__ACME__COM=[REDACTED:secret]",
        "nuget setting     | <add key=\"ClearTextPassword\" value=\"clYGeFrUcDmPGEt4\" />  | clYGeFrUcDmPGEt4             | value=\"[REDACTED:secret]\"",
        "nuget single quote| <add key='ClearTextPassword' value='hunter2hunter2'/>      | hunter2hunter2               | value='[REDACTED:secret]'",
        "passphrase, bang  | {\"password\": \"correct horse battery staple!\"}        | horse battery                | [REDACTED:secret]",
        "forged marker     | token [REDACTED:ghp_abcdefghijklmnopqrstuvwxyz0123456789] | ghp_abcdefghijklmnopqrstuvwxyz0123456789 | [REDACTED:",
    })
    void should_redact(String name, String text, String secret, String expected) {
        String redacted = redactor.redact(text);
        assertThat(redacted).doesNotContain(secret).contains(expected);
    }

    @Test
    void should_redact_a_jwt_inside_an_assignment() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        assertThat(redactor.redact("jwt=" + jwt)).isEqualTo("jwt=[REDACTED:secret]");
    }

    @Test
    void should_redact_a_jwt() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        assertThat(redactor.redact("token " + jwt + " expired")).isEqualTo("token [REDACTED:jwt] expired");
    }

    @Test
    void should_redact_a_private_key_block() {
        String text = "loaded -----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\nabc\n-----END RSA PRIVATE KEY----- ok";
        assertThat(redactor.redact(text)).isEqualTo("loaded [REDACTED:private-key] ok");
    }

    @Test
    void should_redact_an_unterminated_private_key_to_the_end() {
        assertThat(redactor.redact("-----BEGIN PRIVATE KEY-----\nMIIEv")).isEqualTo("[REDACTED:private-key]");
    }

    @Test
    void should_redact_literal_secret_values_anywhere() {
        Redactor withValue = redactor.withSecretValues(List.of("wk-expired-0042"));
        assertThat(withValue.redact("API key 'wk-expired-0042' has expired")).isEqualTo("API key '[REDACTED:argument]' has expired");
    }

    @Test
    void should_be_idempotent() {
        String once = redactor.withSecretValues(List.of("wk-expired-0042"))
                .redact("key 'wk-expired-0042' rejected; Authorization: Bearer wk-expired-0042; password=x1y2z3");
        assertThat(redactor.redact(once)).isEqualTo(once);
        assertThat(once).isEqualTo("key '[REDACTED:argument]' rejected; Authorization: Bearer [REDACTED:argument]; password=[REDACTED:secret]");
    }

    @Test
    void should_keep_ordinary_text() {
        String text = "HTTP 400: date must be in format yyyy-MM-dd, got 25/11/2026 for city=Oslo (see https://docs.example.com/v2)";
        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "at java.net.http/jdk.internal.net.http.HttpClientImpl.send(HttpClientImpl.java:964)",
        "failed to query for service descriptor cas.v1.StatusService.Infoz",
        "403 Forbidden: sfo1::iad1::7k2xq-1700921741532-4e6d8a9b0c1f [676ms]",
        "+ export SENTRY_RELEASE=05e843f3207de9b22c6f1d4ff94d246b32be9954",
        "\"token_type\": \"bearer\", \"expires_in\": 3600",
        "verified_token = jwt.decode(token, signing_key, algorithms=[\"HS256\"])",
        "MOVED 12182 10.0.3.17:6379 (while running GET session:token_meta:user:48213)",
        "while verifying the Authorization header for uid 9KfQ2mZ7xWcR4tLp1vYb3nHs8dE2",
        "/usr/local/share/dotnet/sdk/8.0.100/NuGet.targets(156,5): error : Unable to load the service index",
        "Webhook signature verification failed, error code: 40001",
        "Field password 'must contain at least one digit' is invalid",
        "ERROR: column password 'varchar(255)' cannot be cast",
        "Forgot your password:\nhttps://example.com/reset",
        "SKIP_PIN=true",
        "Failed to pull image busybox@sha256:65ce39ce3eb0997074a460adfb568d0b9f0f6a4392d97b6035630c9d7bf92402",
        "request_id=0ujtsYcgvSTl8PAuAdqWYSMnLOv status=409"})
    void names_of_code_ids_and_values_of_no_secret_stay(String text) {
        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void an_authentication_challenge_is_not_a_credential() {
        String text = "WWW-Authenticate: Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The access token expired\"";
        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void should_redact_secret_named_arguments_entirely() {
        Map<String, Object> redacted = redactor.redactArguments(Map.of("apiKey", "whatever", "city", "Oslo", "limit", 500));
        assertThat(redacted).containsEntry("apiKey", "[REDACTED:argument]").containsEntry("city", "Oslo").containsEntry("limit", 500);
    }

    @Test
    void should_recognise_secret_names() {
        assertThat(List.of("apiKey", "api_key", "X-Api-Key", "password", "client_secret", "access_token", "Authorization",
                "token_auth", "totp", "user_totp", "X-Tyk-Authorization", "x_tyk_authorization", "X-Proxy-Authorization")).allMatch(Redactor::isSecretName); // Matomo's token, Pi-hole's one-time code, Tyk's admin secret
        assertThat(List.of("city", "date", "limit", "host", "monkeys", "auth_type", "total", "requireAuthorization", "authorization_url",
                "X-Skip-Authorization", "X-Bypass-Authorization", "x_require_authorization", "xRequiresAuthorization", "x-no-authorization",
                "x_preauthorization", "X-Allow-Authorization", "X-Enforce-Authorization", "x-verify-authorization", "x-mock-authorization"))
                .noneMatch(Redactor::isSecretName);
    }

    @Test
    void should_run_in_linear_time_on_hostile_input() {
        List<String> hostile = List.of(
                "a:".repeat(500_000),
                "token=".repeat(170_000),
                "eyJ".repeat(340_000),
                "https://".repeat(125_000) + "@",
                "-----BEGIN ".repeat(90_000),
                "-----BEGIN CERTIFICATE-----".repeat(30_000),
                // base64 of documents, each decoded and looked into: still one pass over the text
                (java.util.Base64.getEncoder().encodeToString("{\"auths\":{\"ghcr.io\":{\"a\":\"b\"}}}".getBytes()) + " ").repeat(20_000),
                "sk-".repeat(340_000),
                "x".repeat(1_000_000),
                "bearer ".repeat(145_000),
                "?token:a:".repeat(100_000),
                "--password " + ".".repeat(80_000) + "x",
                "Bearer " + ".".repeat(80_000) + "x",
                "x" + ".glpat-AAAAAAAAAAAA".repeat(100_000),
                "password: " + "-! = ".repeat(200_000),
                "curl -u " + "a".repeat(1_000_000),
                "<add key=\"password\" value=\"".repeat(30_000),
                "sessionId=2024-11-03T08:15:22.481Z:".repeat(25_000),
                // a found secret's start repeated: each repeat is looked at once
                "password=Zq9Xk2Wm7Pb4Rt8Ly " + "Zq9Xk2 ".repeat(140_000) + "Zq9Xk2".repeat(160_000),
                "ALTER USER a PASSWORD '".repeat(40_000),
                "> USER a\n" + "PASS ".repeat(200_000),
                "totp code=123456 ".repeat(55_000),
                "a:b@" + "1.".repeat(300_000) + "1",
                "a".repeat(1_000_000) + "1",
                "--password " + "!".repeat(500_000) + " " + "!".repeat(499_999) + "a",
                // distinct random-looking values, each found secret: echoes are looked for a bounded number of times
                java.util.stream.IntStream.range(0, 40_000).mapToObj(n -> "v=Zq" + Integer.toString(n * 7919, 36) + "Xk9Wm2Pb7Rt4Ly").collect(java.util.stream.Collectors.joining(" ")));
        // a quadratic pass takes many minutes on a megabyte; a linear one a few seconds at most, even on a 2-core machine busy with
        // another build (6.4 s measured for the eyJ text there): the margins are generous, so that only a pass that is not linear fails
        assertTimeoutPreemptively(Duration.ofSeconds(300), () -> {
            for (String text : hostile) {
                long start = System.nanoTime();
                String out = redactor.redact(text);
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(out).isNotNull();
                assertThat(millis).as("redacting %d chars of %s...", text.length(), text.substring(0, 12)).isLessThan(30_000);
            }
        });
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "curl -H \"Authorization: Bearer YOUR-TOKEN\" https://api.example.com/user",
        "curl -H \"Authorization: Bearer $EXAMPLE_API_KEY\" https://api.example.com/user",
        "Hint: set `api-key: ${{ secrets.DEPLOY_API_KEY }}` in the step",
        "client.api_key = \"your-api-key\"",
        "aws_secret_access_key = <your-secret-access-key>",
        "publish.sh --token=*** failed\nnpm ERR! code E403",
        "Export EXAMPLE_API_KEY or pass --api-key before running the job.",
        "401 Incorrect API key provided: sk-proj-************************************MxYA.",
        "integrity checksum failed: wanted sha512-aUHe7TvYnwK47MEdwPT+y/qJbWn/EjfoETaJN7dxGCdTtrGrsX3F3IAQ== but got sha1-QOWUC0e3X+872tefXINllRaUNbc=",
        "Pulling web (nginx:1.17.8@sha256:380eb808e2a3b0dd954f92c1cae2f845e6558a15037efefcabc5b4e03d666d03)",
        "User: arn:aws:sts::123456789012:assumed-role/deployer/Actions is not authorized on arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
        "- Key: docs/v4/_sources/providers.rst.txt\n- HostId: eovtP428hUvl8iUrg4tl/lobHxhXLs+IlYvH4a9FcD6YOica+Skrcqi62M0F1/HZTgvdJaUvoAk=",
        "cf-ray: 8f2c4b1d9e6a7c3f-FRA",
        "retrying in 30s with cursor=bmV4dF90czoxNTEyMDg1ODYxMDAwNTQz",
        "at org.example.OAuth2AuthorizationCodeAuthenticationProvider.authenticate(OAuth2AuthorizationCodeAuthenticationProvider.java:84)",
        "github-token: ${{ secrets.AUTOMERGE_GITHUB_TOKEN }}",
        "password: \\\"{{ vault_db_password }}\\\"",
        "STRIPE_SECRET_KEY=sk_test_...",
        "metadata { key: \"permission\" value: \"secretmanager.versions.access\" }",
        "$ aws s3api head-object --bucket backups --key db/2025-06-10.dump.gz",
        "<Key>exports/2025/06/part-00003.snappy.parquet</Key><HostId>Zq3kV8pR1nT6yW0bC4dF7gH2jK5lM9nP1qS3tU6vX8yZ0aB2=</HostId>",
        "\"ChecksumSHA256\": \"n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=-88\"",
        "Set-Cookie: SESSIONID=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        "security.protocol=SASL_SSL client.id=orders-consumer-7f9c",
        "resource \"aws_secretsmanager_secret_version\" \"api_token\":\n  88:   secret_id = aws_secretsmanager_secret.api_token.id",
        "Content-Type: application/json;charset=UTF-8",
        "input: data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        "<StringToSign>AWS4-HMAC-SHA256\\n20220930T064823Z\\n20220930/us-east-1/s3/aws4_request\\n8d03351bb13495a7a38bcbb86822d5952a2ee9311163ca1f9e9c0f070f00ccb3</StringToSign>",
        "go: verifying module: checksum mismatch downloaded: h1:9cQ1o2yJ4nK7pL0mR3sT6uV8wX1zA3bC5dE7fG9hI0k=",
        "OPENAI_API_KEY = os.environ[\"OPENAI_API_KEY\"]",
        "WARNING! Using --password via the CLI is insecure.",
        "Run D3rHase/ssh-command-action@v0.2.2",
        "none of the configured verifiers ([net.schmizz.sshj.transport.verification.FingerprintVerifier$1@73f0d46f]) could verify",
        "<Resource>/28b1e7ad-a624-42e7-bb1c-fc02c648b503-mij38gj39f1sf4.PDF</Resource>",
        "public_key_hex=8c63a0e083736f31049fff453f02c123",
        "GPIO pin 13 is high; error code is 500123; the recovery code expired",
        "#0 db.php(3): PDO->__construct('sqlite:/var/lib/app/x.db', NULL, NULL)",
        "GPIO: pin 1234 configured as output; Delivery address rejected: PIN 560001; Invalid PIN code 110001",
        "Backup code 1001: quota exceeded; restore from backup code 0x80070005 failed; backup key rsa4096 not found; Backup keys 2024-01-15 rotated",
        "keyBytes=32 tokenBytes: 4096 key_base: /etc/keys",
        "MFA setup: retry code is 5001; 2FA enabled, country code is 1234",
    })
    void placeholders_masks_digests_and_names_of_things_are_not_secrets(String text) {
        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<password>sctAYLuxU8qdLxFtp8!</password> | sctAYLuxU8qdLxFtp8!",
        "AWS_BEARER_TOKEN_BEDROCK=bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249Q2FsbFdpdGhCZWFyZXJUb2tlbg | bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t",
        "from https://api-B8D2F2C4-697F-4F48-9856-881E57640CA7.chat.example.com/v3 (APP_ID = 'B8D2F2C4-697F-4F48-9856-881E57640CA7') | B8D2F2C4-697F-4F48-9856-881E57640CA7",
        "settings: DISCORD_CLIENT_ID='195782533479697280' | 195782533479697280",
        "newrelic_user_api_id = \"hdm46tsn3des2dg2aa8rwjdai4g2ntu1z39bvo56hhik3tbx1847sh5po9ckjq34\" | hdm46tsn3des2dg2aa8rwjdai4g2ntu1z39",
        "Set-Cookie: SESSIONID=9f8e7d6c5b4a3f2e1d0c; Path=/ | 9f8e7d6c5b4a3f2e1d0c",
        "STATEMENT:  ALTER USER app_rw WITH ENCRYPTED PASSWORD 'ehhA-W4YxCv9y-!Q' VALID UNTIL 'infinity'; | ehhA-W4YxCv9y-!Q",
        "Statement : CREATE USER \"reporting\"@'%' IDENTIFIED BY \"V-FXrPIu-szAQ1I0*K\" | V-FXrPIu-szAQ1I0*K",
        "ERROR: CREATE ROLE app LOGIN PASSWORD E'quote\\'s-Secret9' failed | quote",
        "r = requests.post(url, auth=(username, 'g1L~_aiY6KWZuuE'), timeout=10) | g1L~_aiY6KWZuuE",
        "r = requests.post(url, auth=('svc', \"g1L~_aiY6KWZuuE\")) | g1L~_aiY6KWZuuE",
        "$ mysql -h db -u analytics -p'jLdBInGU*3QiXU' -e 'SELECT 1' | jLdBInGU*3QiXU",
        "level=warn msg=\"totp verification failed\" user=ops code=942881 window=1 | 942881",
        "panic: parse \"postgres://ledger:9KIo1s/tzhtNYly@db.internal:5432/ledger\": invalid port \":9KIo1s\" after host | 9KIo1s",
        "secret_key_base: 39030de62dbd8ef17d3ed47e2320e56b8987e3e2c1d3a30d14762f65d064bf75 | 39030de62dbd8ef17d3ed47e2320e56b",
        "DEBUG decrypt(blob_id=918, key_hex='8c63a0e083736f31049fff453f02c123', nonce_len=12) | 8c63a0e083736f31049fff453f02c123",
        "signingKeyHex=8c63a0e083736f31049fff453f02c123 | 8c63a0e083736f31049fff453f02c123",
        "txn declined: card ending 0042 entered PIN 7395 -> issuer response 55 | 7395",
        "AT+CPIN=\"12345678\",\"2580\" | 2580",
        "body=\"Your Acme verification code is 582917. It expires in 10 minutes.\" | 582917",
        "they pasted their backup recovery code c99mc-3zccb into the chat | c99mc-3zccb",
        "#0 /var/www/html/lib/db.php(12): PDO->__construct('mysql:host=127....', 'wp_shop', 'ewhDjoY8FygmJVi') | ewhDjoY8FygmJVi",
        "#0 db.php(3): mysqli->__construct('localhost', 'root', 'r00tPass!', 'shop') | r00tPass!",
        "GET /files/Xk9vQ2mPz7LrT4wN8bH6jC5dS0aE3fG1/report.pdf HTTP/1.1 | Xk9vQ2mPz7LrT4wN8bH6jC5dS0aE3fG1",
        "sqlplus system/Xk9vQ2mPz7LrT4wN8bH6@10.0.0.5 | Xk9vQ2mPz7LrT4wN8bH6",
        "Run admin/Xk9vQ2mPz7LrT4wN8bH6@db1 | Xk9vQ2mPz7LrT4wN8bH6",
        "deploy.Xk9vQ2mPz7LrT4wN8bH6@a1b2c3 | Xk9vQ2mPz7LrT4wN8bH6",
        "Xk9vQ2mPz7LrT4wN8bH6jC5dS0aE3fG1.TS | Xk9vQ2mPz7LrT4wN8bH6jC5dS0aE3fG1",
        "wrong card PIN: 1234 | 1234",
        "AT+CPIN=\"12345678\"  ,  \"2580\" | 2580",
    })
    void a_secret_in_an_element_a_prefix_an_id_of_a_credential_or_echoed_in_a_host_goes(String text, String secret) {
        assertThat(redactor.redact(text)).doesNotContain(secret);
    }

    @Test
    void spring_boot_shows_a_secret_propertys_value_on_the_line_after_its_name_and_only_that_value_goes() {
        String failed = "Failed to bind properties under 'spring.datasource' to javax.sql.DataSource:\n\n"
                + "    Property: spring.datasource.password\n    Value: \"UprzYpQn4axDjMhQV8\"\n    Origin: class path resource [application-prod.yml] - 14:15\n"
                + "    Property: spring.datasource.url\n    Value: \"jdbc:postgresql://db:5432/app\"\n"
                + "    Property: app.security.jwt.secret\n    Value: \"\"\n    Reason: must not be blank";

        assertThat(redactor.redact(failed)).isEqualTo(failed.replace("UprzYpQn4axDjMhQV8", "[REDACTED:secret]"));
        assertThat(redactor.redact("    Property: db.password\n    Value: \"ab\"cd\"ef\"")).isEqualTo("    Property: db.password\n    Value: \"[REDACTED:secret]\"");
        assertThat(redactor.redact("    Property: db.password\n    Value: ${DB_PASSWORD}")).endsWith("Value: ${DB_PASSWORD}");
    }

    @Test
    void the_secrets_redaction_takes_out_are_told_as_the_text_holds_them() {
        assertThat(redactor.secretsIn("login failed: password=hunter2pw user=ops; token ghp_16C7e42F292c6912E7710c838347Ae178B4a rejected"))
                .containsExactly("hunter2pw", "ghp_16C7e42F292c6912E7710c838347Ae178B4a");
        assertThat(redactor.secretsIn("nothing secret here")).isEmpty();
    }

    @Test
    void a_password_sent_in_an_ftp_transcript_goes() {
        assertThat(redactor.redact("> USER edi_acme\n< 331 Password required\n> PASS o^_EW1w2z1MW\n< 530 Login incorrect."))
                .isEqualTo("> USER edi_acme\n< 331 Password required\n> PASS [REDACTED:secret]\n< 530 Login incorrect.");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "postgres://admin:hunter2pw@db.internal:5432/prod... | hunter2pw",
        "Authorization: Bearer ghp_16C7e42F292c6912E7710c838347Ae178B4a... | ghp_16C7e42F292c6912E7710c838347Ae178B4a",
        "ghp_16C7e42F292c6912E7710c838347Ae178B4a... | 16C7e42F292c6912E7710c838347Ae178B4a",
        "GET /search?api_key=9f8a7b6c5d4e3f2a1b0c&q=... | 9f8a7b6c5d4e3f2a1b0c",
        "password: Summer***2024 | Summer",
        "password: \"hunter2...\" | hunter2",
        "{\"key\": \"0123456789abcdef0123456789abcdef\"} | 0123456789abcdef0123456789abcdef",
        "key: hunter2secret | hunter2secret",
        "--key s3cr3t.pw9 | s3cr3t.pw9",
        "password: my-secret | my-secret",
        "password: !@#$%^&* | !@#$%^&*",
        "password = { Hunter2xyz } | Hunter2xyz",
        "data:text/plain;base64,sk_live_51H8f2a9XkQmZ3pLrT7vW0yN | sk_live_51H8f2a9XkQmZ3pLrT7vW0yN",
    })
    void a_mask_a_placeholder_or_a_name_of_a_thing_never_covers_a_real_secret(String text, String secret) {
        assertThat(redactor.redact(text)).doesNotContain(secret);
    }

    @Test
    void a_value_on_the_line_after_its_name_goes_but_a_name_there_is_not_a_value() {
        assertThat(redactor.redact("password:\n  s3cr3tPw1")).doesNotContain("s3cr3tPw1");
        assertThat(redactor.redact("JWT_SECRET=\n  LOG_LEVEL=debug")).isEqualTo("JWT_SECRET=\n  LOG_LEVEL=debug");
    }

    @Test
    void long_hostile_values_after_secret_names_stay_linear_and_never_overflow() {
        for (String text : List.of("password: " + "key-".repeat(20_000) + "key1", "password=" + "AB-".repeat(20_000),
                "client_id=" + "ab-".repeat(20_000), "Authorization: Bearer " + "key-".repeat(20_000))) {
            assertThat(redactor.redact(text)).contains("[REDACTED:");
        }
    }

    @Test
    void the_rest_of_a_key_a_terminal_wrapped_goes_too() {
        String text = "AWS_SECRET_ACCESS_KEY=4KplQd/G52hamDXUXn5G5R\nBDf5GQ8zO7KecWUJ9z\nAWS_DEFAULT_REGION=us-east-2";
        assertThat(redactor.redact(text)).doesNotContain("BDf5GQ8zO7KecWUJ9z").endsWith("\nAWS_DEFAULT_REGION=us-east-2");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "as it is | key p@ss/w0rd+Zq9 rejected",
        "URL-encoded | key=p%40ss%2Fw0rd%2BZq9&x=1",
        "base64 | Authorization: Basic cEBzcy93MHJkK1pxOQ==",
        "base64 without padding | token cEBzcy93MHJkK1pxOQ was rejected",
        "JSON-escaped | {\"echo\":\"p@ss\\/w0rd+Zq9\"}",
        "upper-cased | KEY P@SS/W0RD+ZQ9 REJECTED",
        "cut short | the value p@ss/w0rd+ is not valid",
    })
    void a_secret_argument_echoed_back_in_another_form_is_redacted(String form, String text) {
        String redacted = Redactor.standard().withSecretValues(java.util.List.of("p@ss/w0rd+Zq9")).redact(text);

        assertThat(redacted).as(form).contains("[REDACTED").doesNotContainIgnoringCase("w0rd").doesNotContain("cEBzcy93MHJkK1pxOQ");
    }

    @Test
    void a_password_a_command_line_takes_by_a_short_flag_goes_and_the_same_flag_of_another_program_stays() {
        assertThat(redactor.redact("+ docker login -u svc-builder -p 8mxeSbarwI6Mf1Tq harbor.acme.io")).doesNotContain("8mxeSbarwI6Mf1Tq");
        assertThat(redactor.redact("mysqldump -h 10.0.3.9 -u backup -pwWVgCAG5w5He --single-transaction shop")).doesNotContain("wWVgCAG5w5He")
                .contains("-u backup -p[REDACTED:secret] --single-transaction");
        assertThat(redactor.redact("$ redis-cli -h cache-01 -a 'wxBdOq4ldVaHuwT' INFO")).doesNotContain("wxBdOq4ldVaHuwT");
        assertThat(redactor.redact("curl -u ACf0e0f5dd8ce7b85b872b245d8c4356e9:d40f3c1cc9cef51f32216c2c61bb8570 https://api.example.com"))
                .contains("-u ACf0e0f5dd8ce7b85b872b245d8c4356e9:[REDACTED:secret]").doesNotContain("d40f3c1cc9cef51f32216c2c61bb8570");
        // the same letters for other programs: a port, a published port, a prompt, a placeholder
        for (String ordinary : java.util.List.of("ssh -p 2222 deploy@host.example", "docker run -p 8080:80 nginx:1.27", "mysql -u root -p shop",
                "docker login -u \"$CI_REGISTRY_USER\" -p \"$CI_JOB_TOKEN\" registry.example.com")) {
            assertThat(redactor.redact(ordinary)).as(ordinary).isEqualTo(ordinary);
        }
    }

    @Test
    void a_secret_found_after_its_name_goes_wherever_else_the_text_repeats_it() {
        String text = "[inventory] db-02 ansible_password=j0xBkxCnhwHJ ansible_become_pass=j0xBkxCnhwHJ\nmachine db-02 password j0xBkxCnhwHJ";
        assertThat(redactor.redact(text)).doesNotContain("j0xBkxCnhwHJ");
        assertThat(redactor.redact("802-11-wireless-security.psk:           Egd02i0TUsjra")).doesNotContain("Egd02i0TUsjra");
        assertThat(redactor.redact("DB_PASS=Kq8zW2mPv7 SMTP-PASS=x9TqL2mWc")).doesNotContain("Kq8zW2mPv7").doesNotContain("x9TqL2mWc");
    }

    @Test
    void a_quoted_key_right_after_its_name_in_prose_goes_but_a_quoted_name_stays() {
        assertThat(redactor.redact("API key '57462b9503e9b0526c564be483c1f549d250514a' is not authorized for scope 'billing:write'"))
                .isEqualTo("API key '[REDACTED:secret]' is not authorized for scope 'billing:write'");
        for (String ordinary : java.util.List.of("Error: secret \"gitea-db-secret\" not found",
                "Duplicate entry 'svc-billing-7f3a' for key 'api_keys.uniq_api_key_id'",
                "Set-Cookie rejected: cookie \"__Host-session\" has the Secure attribute",
                "JWT::ExpiredSignature (Signature has expired)")) {
            assertThat(redactor.redact(ordinary)).as(ordinary).isEqualTo(ordinary);
        }
    }

    @Test
    void public_material_stays_public_material() {
        String certificate = "-----BEGIN CERTIFICATE-----\nMIIBnjCCAUOgAwIBAgIUdfVxpb+96enOKPnOtG/tGP4WlxgwCgYIKoZIzj0EAwIw\n-----END CERTIFICATE-----";
        String privateKey = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg3kQz9mX2Lp7Rt4Vw\n-----END PRIVATE KEY-----";
        assertThat(redactor.redact("pinned:\n" + certificate + "\nkey:\n" + privateKey))
                .contains(certificate).doesNotContain("3kQz9mX2Lp7Rt4Vw");
        for (String ordinary : java.util.List.of(
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIMCcQkVWGY5/CFi5oLiH2TflEYzRsR0JFF2T8yu1FOL ops@laptop",
                "\tat org.apache.logging.log4j.core.async.Log4j2AsyncAppender.append(Log4j2AsyncAppender.java:211)",
                "Failed to read artifact descriptor for com.qoppa.pdf:jPDFAssemble:jar:1.0: Could not transfer artifact",
                "No matching version found for @acme/secrets-manager-client@^3.0.0-beta.4.",
                "log: /home/runner/.npm/_logs/2024-06-12T09_30_11_482Z-debug-0.log",
                "vpc_security_group_ids = [\"sg-0a1b2c3d4e5f67890\"]",
                "Controlled By:  ReplicaSet/centos-new-6846f658db",
                "name: 'operation-1718183411482-61aa2b3c4d5e6-7a8b9c0d-1e2f3a4b'",
                "sent Content-MD5: 1B2M2Y8AsgTpgAmY7PhCfg== for an empty body",
                "    sha256/7HIpactkIAq2Y49orFOOQKurWxmmSFZhBCoQYcRhJ3Y=: CN=api.acme.io",
                "Auth token: [auth-token]",
                "set auth.existingSecret=keycloak-admin and auth.passwordSecretKey=admin-password",
                "{\"errors\":{\"password\":[\"is too short (minimum is 8 characters)\"]}}",
                "{\"client_id\":\"reporting-batch\"}",
                "Pass credentials via `auth=ApiKeyAuth.from_env()` instead",
                "<Error><Code>NoSuchKey</Code><Key>1488396616.jpeg</Key></Error>",
                "DOCKER_AUTH_CONFIG decoded from base64 'eyJhdXRocyI6eyJnaGNyLmlvIjp7fX19' -> no auth entry")) {
            assertThat(redactor.redact(ordinary)).as(ordinary).isEqualTo(ordinary);
        }
        // base64 of a document that does hold a secret is still a secret
        String withAuth = java.util.Base64.getEncoder().encodeToString("{\"auths\":{\"ghcr.io\":{\"auth\":\"dXNlcjpTM2NyM3RQYXNzdzByZA==\"}}}".getBytes());
        assertThat(redactor.redact("DOCKER_AUTH_CONFIG " + withAuth)).doesNotContain(withAuth);
    }

    @Test
    void passwords_of_one_dash_flags_embedded_keys_and_nested_values_go() {
        assertThat(redactor.redact("keytool -importcert -keystore release.jks -storepass HJ9iN1Tsb11H8iMg")).doesNotContain("HJ9iN1Tsb11H8iMg");
        assertThat(redactor.redact("sqlcmd -S tcp:sql-erp,1433 -U erp_deploy -P \"IzAL6pCzl7xTCE7n\" -d ERP")).doesNotContain("IzAL6pCzl7xTCE7n");
        assertThat(redactor.redact("<incoming+acme-web-17-glimt-2hrn3ztxj4exfs4ljdwm9bpmj-issue@gitlab.example.com>: host"))
                .doesNotContain("2hrn3ztxj4exfs4ljdwm9bpmj").contains("@gitlab.example.com");
        String pem = java.util.Base64.getEncoder().encodeToString("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAU8/rz7/3hpz5wGpGMjcBejNq7W+twERtx5lV3uKeG2Ux\n".getBytes());
        assertThat(redactor.redact("    client-key-data: " + pem)).doesNotContain(pem.substring(20, 60));
        assertThat(redactor.redact("\"spring.mail.password\": { \"value\": \"BIe3NDgNLML6IL2W\", \"origin\": \"application-prod.yml\" }"))
                .doesNotContain("BIe3NDgNLML6IL2W").contains("\"origin\"");
        assertThat(redactor.redact("Set via BUNDLE_ENTERPRISE__CONTRIBSYS__COM: \"a82a6797:842b1cd5\"")).doesNotContain("842b1cd5");
    }

    @Test
    void placeholders_public_keys_and_names_of_things_stay() {
        for (String ordinary : java.util.List.of(
                "ANTHROPIC_API_KEY=your-api-key-here",
                "STRIPE_SECRET_KEY=sk_test_xxx",
                "Stripe initialized with publishable key pk_live_67Ravbh59pjHMzc9TkC1VwWV...",
                "gpgsig -----BEGIN PGP SIGNATURE-----\n iQIzBAABCAAdFiEEAuZmPT3ZsoCLXlTo0DUPLaorVmutReMpCoHGjsEB2jG31dg9\n -----END PGP SIGNATURE-----",
                "resource: projects/-/serviceAccounts/ledger-runner@ledger-prod-4411.iam.gserviceaccount.com",
                "$ git show HEAD~1:models/intent-classifier.onnx",
                "bestander@DESKTOP-9BB67ID:/mnt/c/Users/besta/work/temp$ yarn check integrity",
                "  logo.png: iVBORw0KGgoAAAANSUhEUr/ofoTjJenKIR4QQiFp9tJx9wXq/P/h1/wpYrdDGNe8wN3arHTz83YPe22pszN15Q74uGy1g",
                "  x-request-id=90c1c596-bde1-4e4a-bec9-fe7b5da3dc6c",
                "WWW-Authenticate: Digest realm=\"device-api\", nonce=\"E/sgvHLbSVsZwSqufNz1KdooOJnnVp8ORACpQbdCH0J7egsv\"",
                "E11000 duplicate key error index: key_hash_1 dup key: { key_hash: \"sha256:8b4ffbf9d7b60c2c431a2e14b1067bfae2c69669e4434fbb7365f2ff599bef4b\" }",
                "\"node_modules/jsonwebtoken\": {\n-      \"version\": \"9.0.0\",")) {
            assertThat(redactor.redact(ordinary)).as(ordinary).isEqualTo(ordinary);
        }
        // a key's prefix and environment are no name of a thing
        assertThat(redactor.redact("token shippo_live_5d8e6f2a1b3c4d5e6f708192a3b4c5d6e7f80912 rejected")).doesNotContain("5d8e6f2a1b3c4d5e6f708192");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // a public form (a path, a file name, a revision, a call) never shelters a secret inside it
        "/home/runner/.cfg/ghp_16C7e42F292c6912E7710c838347Ae178B4a | 16C7e42F292c6912E7710c838347Ae178B4a",
        "sk_live_51HxYzAbCdEfGhIjKlMnOpQr.json | 51HxYzAbCdEfGhIjKlMnOpQr",
        "deadbeef:hunter2@db.internal | hunter2",
        "token=ghp_16C7e42F292c6912E7710c838347Ae178B4a(expired) | 16C7e42F292c6912E7710c838347Ae178B4a",
        "password=Hunter2Secret{x} | Hunter2Secret",
        // a name is judged by its last segment; a fragment starts a new name
        "https://app.example.com/callback#access_token=Zq3vP9xLmN2bT7wK&state=1 | Zq3vP9xLmN2bT7wK",
        "config/myapp/db.password=hunter2 | hunter2",
        "{\"db/password\": \"hunter2\"} | hunter2",
        "{\"pass\":\"hunter2\"} | hunter2",
        // references, namespaces, messages and placeholders only where they are meant
        "TWITTER_ACCESS_TOKEN_SECRET_KEY=hunter2pass | hunter2pass",
        "password::hunter2pass | hunter2pass",
        "{\"passphrase\": [\"correct horse battery staple\"]} | horse battery",
        "--password CORRECT_HORSE_BATTERY | CORRECT_HORSE_BATTERY",
        "password: [blue-horse-key] | blue-horse-key",
        "curl -u 'admin:S3cretPw9x' https://api.example.com | S3cretPw9x",
        // base64 of a document with values in it is no public document
        "creds eyJ1c2VyIjoiYm9iIiwicGFzcyI6Imh1bnRlcjIifQ== | eyJ1c2VyIjoiYm9iIiwicGFzcyI6Imh1bnRlcjIifQ",
    })
    void a_rule_that_leaves_a_form_alone_never_lets_a_secret_through(String text, String secret) {
        assertThat(redactor.redact(text)).doesNotContain(secret);
    }

    @Test
    void a_private_key_between_two_certificates_is_still_redacted() {
        String text = "-----BEGIN CERTIFICATE-----\nMIIB\n-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg3kQz9mX2Lp7Rt4Vw\n"
                + "-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
        assertThat(redactor.redact(text)).doesNotContain("3kQz9mX2Lp7Rt4Vw");
        String secretInside = "-----BEGIN CERTIFICATE-----\npassword=hunter2xyz\n-----END CERTIFICATE-----";
        assertThat(redactor.redact(secretInside)).doesNotContain("hunter2xyz");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        // a Twilio API key is known by its shape, even after a name of a user
        "Client(username='SK130230eb73e7507bc3a94d01739fe373', password=os.environ['X']) | SK130230eb73e7507bc3a94d01739fe373",
        // the code a one-time-password check was given, under whatever name the log gives it
        "otp.verify user_id=88123 submitted_code=477351 attempts=3/5 | 477351",
        // codes listed under the line that announces them
        "Recovery codes (each can be used once):\\n  kn4a4-uwii6\\n  jtcaa-1zaiu\\nError: EACCES | jtcaa-1zaiu",
        // passwords given by position: to a login call, to nmcli, to net use
        "    server.login(\"alerts@acme.io\", \"qxyx myum dhir dztj\") | dhir dztj",
        "$ nmcli dev wifi connect \"ACME-Staff\" password \"5DkqFnHGF#DtlG\" ifname wlp2s0 | 5DkqFnHGF#DtlG",
        "C:\\> net use Z: \\\\fs01\\finance 9a#aC2flA9j2 /user:ACME\\svc-backup /persistent:no | 9a#aC2flA9j2",
        // a rejected value beside the name of the field it was for
        "{\"errors\":[{\"type\":\"field\",\"value\":\"%&E0ZgUm4slbf2FQ\",\"msg\":\"too weak\",\"path\":\"password\"}]} | %&E0ZgUm4slbf2FQ",
        "{\"type\":\"string_too_short\",\"loc\":[\"body\",\"client_secret\"],\"input\":\"q7Zp1\"} | q7Zp1",
        "{\"key\":\"DB_PASSWORD\",\"value\":\"Tr0ub4dor&3\",\"target\":[\"production\"]} | Tr0ub4dor&3",
        // the id of a service account's private key
        "\"private_key_id\": \"c4c5035ae52ac3fc955fa239fcdb33c90952810f\", | c4c5035ae52ac3fc955fa239fcdb33c90952810f",
        // a secret found once goes where a log repeats it upper-cased
        "xferusr 3iqyci5w\\nEZA1736I FTP LOGIN FAILED FOR USER XFERUSR PASS=3IQYCI5W | 3iqyci5w",
        // the rest of a password a log wrapped onto an indented line
        "user=reports_ro password=BmZafM895eT\\n    HMGTISTrpdJsRMR maxPoolSize=10 | HMGTISTrpdJsRMR",
        // a webhook of any version of Discord's API, a presigned URL's signature, a key written as a URL's user
        "url: 'https://discord.com/api/v10/webhooks/4105735775851296362/LNbKiD6NLweL7CjuWpVSdXz5-1PaRVmcRIOyQc4?wait=true' | LNbKiD6NLweL7CjuWpVSdXz5",
        "GET /INV-88123.pdf?X-Amz-Expires=900&X-Amz-Signature=a47e4c7d88f4f53af6ee462e5cedeff3225cf83263099f8a61e164c58a694578 | a47e4c7d88f4f53af6ee",
        "SENTRY_DSN=https://6c7c16674e0f4d5d16bcfd83e3e03414@o392954.ingest.sentry.io/6555592 | 6c7c16674e0f4d5d16bcfd83e3e03414",
        // a JWT in base64 (a Kubernetes secret's token), a secret-typed id, a session named as one, a Digest response after \r\n
        "token: ZXlKaGJHY2lPaUpTVXpJMU5pSXNJbXRwWkNJNklqRXlNeUo5LmV5SnpkV0lpT2lKemVYTjBaVzA2YzJWeWRtbGpaV0ZqWTI5MWJuUWlmUS5zaWdu | ZXlKaGJHY2lPaUpTVXpJMU5p",
        "        \"secret_iYgOBNY0zkMlPwjxl4GtTk7hwM1gF3ws\" | iYgOBNY0zkMlPwjxl4GtTk7hwM1gF3ws",
        "{\"mfa_session\":\"mfa_JTATJ7nSaFBY473ul8hye4JmuTeiuDfVsfG0Jxew\",\"method\":\"totp\"} | JTATJ7nSaFBY473ul8hye4JmuTeiuDfVsfG0Jxew",
        // a random value among a path's parameters goes, the rest of the path stays
        "GET /v1/export?format=csv&k=Zq3vP9xLmN2bT7wK8yR4sD1fG6hJ0 | Zq3vP9xLmN2bT7wK8yR4sD1fG6hJ0",
    })
    void secrets_told_by_position_by_a_sibling_field_or_by_their_shape_go(String text, String secret) {
        String t = text.replace("\\n", "\n");
        assertThat(redactor.redact(t)).doesNotContain(secret);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @ValueSource(strings = {
        // placeholders: a name for a value, one character repeated, a key cut and masked by its printer, a field in code
        "Database is uninitialized and superuser password is not specified. Use \"-e POSTGRES_PASSWORD=password\" to set it.",
        "REDIS_URL=redis://username:password@host:port\nReplyError: WRONGPASS invalid username-password pair",
        "aws_secret_access_key=YYYYYYYYYYYYYYYYYYYYYYYYYYY",
        "aws_access_key = AKIAIYXXXXXXX.......",
        "resp = make_twilio_request(method, uri, auth=self.auth, **kwargs)",
        // names of things: a request id in escaped JSON, a user, a ref, an object key with its extension, a masked path
        "{\"message\":\"401 {\\\"error\\\":{\\\"message\\\":\\\"invalid x-api-key\\\"},\\\"request_id\\\":\\\"req_011CXw8h8A796q3f74Ezmhav\\\"}\"}",
        "FATAL:  password authentication failed for user \"ucpnt0uddGygEhwqXjG9\"",
        "failed to calculate checksum of ref 96f8e948-8d3e-4051-998a-f354ef0fde2f::nz4ef33ak2rv2mpfwwvt8w2a1: \"/go.sum\": not found",
        "<Key>28b1e7ad-a624-42e7-bb1c-fc02c648b503-mij38gj39f1sf4.PDF</Key>",
        "    at IncomingMessage.<anonymous> (********/node_modules/stripe/lib/StripeResource.js:169:21)",
        // a listing's position, a weak ETag, an organization's id, a SIP address, a name in code after a key's prefix, a path with its line
        "{\"NextContinuationToken\": \"19sBKOOD2bX92rIwUE3IBsJaWpydhKfhtDMKQwcg80bTp8oq7R/PEIyG=\"}",
        "GET /v1/events?page_size=200&cursor=hhacSrNliY4i2DGCucQQighA6PHCFaC4u7kYZFljXevhfmzC -> 200 OK",
        "Next page: GET /v1/customers?limit=100&starting_after=cus_5MbIUpmhI8Zo9B",
        "etag: [ 'W/\"8b-vST/Qtv3kULnTOs4RSX3Pp7WPig\"' ],",
        "Rate limit reached for gpt-4 in organization org-i8diOVZvRYEdgX50ZsTzu0iy on tokens per min (TPM)",
        "From: <sip:demo3@AC3d6cf61c75585a1360771cb569b6ea28.endpoint.twilio.com>;tag=o03g7ba0uc",
        "Via: SIP/2.0/WSS 127.0.0.1:42480;branch=z9hG4bK4165381;rport=42480",
        "  File \"/usr/lib/python3.11/site-packages/huggingface_hub/utils/_errors.py\", line 304, in hf_raise_for_status",
        "    at Client.request (/Users/boris/sync/node_modules/@notionhq/client/src/Client.ts:157:15)",
        "Use `docker login --username <user> --password-stdin` instead of `-p` so the password never appears in the process list.",
        // base64 of a page, a Rust source line, a public key after "key:", a typed id in a path, a link after "your key:"
        "binaryData[index.html]: Invalid value: \"PGh0bWw+PGJvZHk+SGVsbG8gZnJvbSBuZ2lueDwvYm9keT48L2h0bWw+\": key must be a valid config key",
        "             at /rustc/fc594f15669680fa70d255faec3ca3fb507c3405/library\\std\\src\\panicking.rs:575",
        "The server only accepts this key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIewcZ6cV3X5AInNzF8/DKKqjjRZv9+ZY34z5hCIrCERE deploy@ci-runner-07",
        "    \"url\": \"/v1/customers/cus_C2WkEuBsNOqZ6W/sources\"",
        "replace `YOURKEY` with your key: https://weerlive.nl/api/weerlive_api_v2.php?locatie=Amsterdam&key=YOURKEY",
        "AADSTS70002: Error validating credentials. AADSTS50012: Invalid client secret is provided.",
        // an age recipient (the public half), where a private key is (placeholders too), base64 of a document of plain words
        "age: error: no identity matched any of the recipients: age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj",
        "Load key \"/home/deploy/.ssh/id_ed25519\": invalid format; private key: /home/<user>/.ssh/<key_file> is ignored",
        "cannot parse payload 'eyJzdGVwIjoicmVmcmVzaCIsIm1vZGUiOiJkcnkifQ==': decode it from base64 first",
        // a class named by its package, addresses on chains, a JWK's public members, an encoded link, a checksum's file, a command
        "Caused by: org.acme.billing.gateway3.InvoiceRejectedException: amount must be positive",
        "transfer 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD -> bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq failed: insufficient funds",
        "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"Qm9ZcHk3XzJfUnRpS2w\",\"n\":\"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc\",\"e\":\"AQAB\"}]}",
        "GET /authorize?response_type=code&redirect_uri=https%3A%2F%2Fapp.example.org%2Fcb&state=9f1c2e7ab04d&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        "WARNING: found 1 offending key in ~/.ssh/known_hosts:12; remove it with the offending key: ssh-keygen -R host",
        "8c1e0fcd72fa4b52c2b1a8b5f3d9f0d9d2e7c5a6b3f1e4d8c7b9a0f2e1d3c5b7  *debian-12.5.0-amd64-netinst.iso",
        // a certificate cut before its end is still public
        "Server certificate\n-----BEGIN CERTIFICATE-----\nMIIDQzCCAiugAwIBAgIEOiWQ0DANBgkqhkiG9w0BAQsFADBBMQ4wDAYDVQQKDAVD\naXNjbzEvMC0GA1UEAwwmQ2lzY28gVW1icmVsbGEgU2Vjb25kYXJ5IFN1YkNBIG1h",
    })
    void placeholders_names_of_things_and_cut_certificates_stay(String text) {
        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void a_digest_response_after_an_escaped_line_break_and_a_value_after_a_compound_name_and_a_space_go() {
        String digest = "send: b'GET / HTTP/1.1\\r\\nAuthorization: Digest username=\"admin\", nonce=\"Z4rRn0\", response=\"094f3a68d385092cd6a7146102ce6ae9\", qop=auth'";
        assertThat(redactor.redact(digest)).doesNotContain("094f3a68d385092cd6a7146102ce6ae9").contains("username=\"admin\"");
        String ini = "configparser.ParsingError: Source contains parsing errors: 'settings.ini'\n\t[line 14]: 'smtp_password AOGgRNNgUox6f7y5jj\\n'";
        assertThat(redactor.redact(ini)).doesNotContain("AOGgRNNgUox6f7y5jj").contains("smtp_password");
    }

    @Test
    void a_code_of_an_otp_check_and_a_value_beside_its_field_in_an_object_with_a_nested_one_go() {
        String otp = "{\"error\":\"invalid_otp\",\"message\":\"The code 480213 was rejected for account 9f1a\"}";
        assertThat(redactor.redact(otp)).doesNotContain("480213").contains("invalid_otp");
        assertThat(redactor.redact("sync failed with error code 100042 while reading the mfa settings")).contains("100042");
        String pydantic = "{\"detail\":[{\"loc\":[\"body\",\"pin\"],\"msg\":\"String should match pattern '^[0-9]{6}$'\",\"input\":\"8812\","
                + "\"ctx\":{\"pattern\":\"^[0-9]{6}$\"}}]}";
        assertThat(redactor.redact(pydantic)).doesNotContain("8812").contains("\"ctx\":{\"pattern\":\"^[0-9]{6}$\"}");
        assertThat(redactor.redact("b64 eyJ1c2VyIjoiYm9iIiwicGFzc3dvcmQiOiJzdW5zaGluZSJ9")).as("base64 of {\"user\":\"bob\",\"password\":\"sunshine\"}")
                .doesNotContain("eyJ1c2VyIjoiYm9iIiwicGFzc3dvcmQiOiJzdW5zaGluZSJ9");
    }

    @Test
    void a_wrapped_url_password_an_aligned_column_an_expect_answer_and_a_session_cookie_go() {
        String wrapped = "DATABASE_URL=postgres://app:Zk82mQx1Lp0sVn\n4Rt7Yw@db.internal.example:5432/app";
        assertThat(redactor.redact(wrapped)).doesNotContain("Zk82mQx1Lp0sVn").doesNotContain("4Rt7Yw").contains("@db.internal.example:5432/app");
        assertThat(redactor.redact("wifi-sec.psk:          Copper Lantern Ridge77\nwifi-sec.psk-flags:    0 (none)"))
                .doesNotContain("Copper").doesNotContain("Ridge77").contains("0 (none)");
        String expect = "Enter passphrase for key '/root/.ssh/id_rsa': \nsend: sending \"amber delta quiet fox\\r\" to { exp6 }";
        assertThat(redactor.redact(expect)).doesNotContain("amber delta quiet fox").contains("to { exp6 }");
        assertThat(redactor.redact("net use Y: \\\\nas02\\share /user:ACME\\bob Pl4tinum!x /persistent:yes")).doesNotContain("Pl4tinum!x");
        assertThat(redactor.redact("\"GET /cart\" 200 \"PHPSESSID=9c2f61e0b7aa4d3c8e5f1a2b3c4d5e6f; theme=dark\"")).doesNotContain("9c2f61e0b7aa4d3c8e5f1a2b3c4d5e6f");
        assertThat(redactor.redact("callback https%3A%2F%2Fhooks.slack.com%2Fservices%2F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"))
                .doesNotContain("q1W2e3R4t5Y6u7I8o9P0a1S2");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // masked values: in an element, as a URL's password, as a word; a credential masked in a bot's URL
        "<Error><Code>InvalidAccessKeyId</Code><AWSAccessKeyId>****</AWSAccessKeyId></Error>",
        "Looking in indexes: https://gitlab-ci-token:*****@git.example.org/api/v4/projects/7/packages/pypi/simple",
        "{\"RuleID\": \"generic-api-key\", \"Secret\": \"REDACTED\", \"Match\": \"[REDACTED]\"}",
        "POST https://api.telegram.org/botXXXXXXXX/sendMessage failed: 401 Unauthorized",
        // where a key is kept, an error's code after "credentials:", a row of a table, a Bitcoin address (its checksum holds)
        "  TLS_KEY:        /etc-certs/server.key\n  SERVER_KEY=/certs/tls/proxy.pem",
        "{\"msg\":\"assume role failed: credentials: InvalidClientTokenId: The security token included in the request is invalid\"}",
        "ERROR 1064 (42000): check the syntax near 'version|mm39|Assembly|Source' at line 4",
        "payout to 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy rejected: dust output",
        // an OAuth authorization request: its client_id goes through the browser, in the URL or on a line of its own
        "redirecting to https://login.example.com/oauth2/authorize?client_id=8f14e45fceea167a5a36dedd4bea2543&response_type=code&scope=openid",
        "GET /authorize?\n    response_type=code\n    &client_id=Zq4hWm2kPd\n    &state=af0ifjsldkj",
    })
    void masks_key_locations_error_codes_table_rows_addresses_and_public_client_ids_stay(String text) {
        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void what_looks_like_those_but_is_not_goes() {
        // a Bitcoin-shaped string whose checksum fails, a client id outside an authorization request, a secret in one
        assertThat(redactor.redact("payout to 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz rejected")).doesNotContain("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz");
        assertThat(redactor.redact("POST /token client_id=8f14e45fceea167a5a36dedd4bea2543&grant_type=client_credentials"))
                .doesNotContain("8f14e45fceea167a5a36dedd4bea2543");
        assertThat(redactor.redact("https://login.example.com/authorize?response_type=code&client_id=app7&client_secret=Zx91kQ7mWp3Lr8Tv2Nb"))
                .doesNotContain("Zx91kQ7mWp3Lr8Tv2Nb").contains("client_id=app7");
        assertThat(redactor.redact("POST https://api.telegram.org/bot7391046625:AAH8sd0Q_kLm3nP9qRt2vWx5yZ1bC4dE6fG/sendMessage"))
                .doesNotContain("AAH8sd0Q_kLm3nP9qRt2vWx5yZ1bC4dE6fG");
    }

    @Test
    void recovery_codes_printed_from_their_file_and_a_sasl_passwd_line_go() {
        String codes = "PS> type C:\\Users\\me\\Downloads\\gitlab-recovery-codes.txt\n4f2a9-c81d0\n7be03-19fa4\nPS> exit";
        assertThat(redactor.redact(codes)).doesNotContain("4f2a9-c81d0").doesNotContain("7be03-19fa4").contains("PS> exit");
        String sasl = "# cat /etc/postfix/sasl_passwd\n[mail.smtp2go.example]:2525 relay-user:Qm7t9 xk zz41\n# postmap /etc/postfix/sasl_passwd";
        assertThat(redactor.redact(sasl)).doesNotContain("Qm7t9").doesNotContain("zz41").contains("[mail.smtp2go.example]:2525 relay-user:");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a path cut at its start, a mask of x, stand-in words, the environment read in code, a shell-escaped variable
        "Faraday::ClientError: invalid_auth\n…y-client-2.4.0/lib/acme/web/faraday/response/\nraise_error.rb:  11:in `on_complete'",
        "client = Acme::Client.new(api_key: \"xxx\")",
        "$ ACME_SERVICE_TOKEN_ID=\"\" ACME_SERVICE_TOKEN=\"baz\" acme org list",
        "new UploadPlugin({ token: process.env.UPLOAD_AUTH_TOKEN, org: 'acme' })",
        "`curl -X POST https://$HOST/login\\?client_id\\=$CLIENT_ID\\&client_secret\\=$CLIENT_SECRET`",
        // sentences and names where a value would go, sizes of a secret's keys, a Windows key file, base64 of a settings document
        "const client = createClient({ apiToken: \"not used by the proxy\" })",
        "api_key = 'PUT YOUR KEY IN HERE'",
        "acme --token=\"your-auth-token\" repo ls\nexport ACME_API_KEY=\"acme_live_key\"",
        "Data\n====\nCF_API_TOKEN:   40 bytes\nca.crt:         1066 bytes",
        "load pubkey \"C:\\\\Users\\\\ci/.ssh/id_rsa\": invalid format",
        "kubectl get configmap ui -o jsonpath='{.binaryData.ui\\.json}'\neyJ0aGVtZSI6ImRhcmsiLCJiZXRhIjpmYWxzZSwicmVnaW9uIjoidXMtZWFzdC0yIn0=",
    })
    void stand_ins_names_and_sizes_where_a_secret_would_be_stay(String text) {
        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void passwords_piped_to_sudo_quoted_after_a_password_directive_locking_a_sim_and_wrapped_under_a_gutter_go() {
        assertThat(redactor.redact("\"cmd\": \"echo Kq7=vXe2Lp | sudo -S systemctl restart app\"")).doesNotContain("Kq7=vXe2Lp").contains("| sudo -S");
        assertThat(redactor.redact("echo $SUDO_PASS | sudo -S id")).as("a variable is no password").contains("$SUDO_PASS");
        assertThat(redactor.redact("    auth_ldap_header X-Ldap-BindPass \"9v+%Qe#Tz~\";")).doesNotContain("9v+%Qe#Tz~");
        assertThat(redactor.redact("$ldap_bindpw = \"Zr8=Lq_Wm2\";")).doesNotContain("Zr8=Lq_Wm2");
        assertThat(redactor.redact("AT+CLCK=\"SC\",0,\"4821\"\r\nAT+CPWD=\"SC\",\"4821\",\"9034\"")).doesNotContain("4821").doesNotContain("9034");
        assertThat(redactor.redact("12 | postgres://app:Qz81mPa\n13 | Wv7Lk2@db.example.net:5432/app")).doesNotContain("Qz81mPa").doesNotContain("Wv7Lk2");
        assertThat(redactor.redact("SlackLogHandler('xoxs-2211-3344-5566-0a1b2c3d4e5f6a7b8c9d')")).doesNotContain("0a1b2c3d4e5f6a7b8c9d");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // masks in stars, a key block with its body left out, what follows a secret flag that is no value
        "  # api_key = \"**REDACTED**\"\n  api_key = \"**REDACTED**\"",
        "<server><username>ci</username><password>****my encrypted password goes here****</password></server>",
        "here is my key:\n-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
        "if I pass --service-token & to any command it hangs",
        "- invalid `redis-cli -a PASSWORD PING` → password in the process list",
        "docker exec db bash -c 'mysql -u root -p\"$MYSQL_ROOT_PASSWORD\" app'",
        "acme --token=c2VlIHRoZSByZWFkbWUgZm9yIGEgdG9rZW4= repo list",
        // ids after a flag naming ids, a Ruby object as inspect prints it, a sentence URL-encoded in a header
        "acme import --folder_ids b1gq5ic4o9tlkb64x21k --compact",
        "#<Faraday::Response:0x00000107615488 @env={:method=>:post}>",
        "X-TFS-ServiceError: TF400813%3A%20resource%20not%20available%20for%20anonymous%20access.%20Client%20authentication%20required.",
    })
    void masks_in_stars_an_elided_key_and_what_is_no_value_after_a_flag_stay(String text) {
        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void a_key_block_with_a_body_a_quoted_password_after_p_and_a_password_flag_go() {
        assertThat(redactor.redact("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx3kq9\n-----END RSA PRIVATE KEY-----")).doesNotContain("MIIEowIBAAKCAQEAx3kq9");
        assertThat(redactor.redact("mysql -u root -p\"Pq7!mW2z\" app")).doesNotContain("Pq7!mW2z");
        assertThat(redactor.redact("redis-cli -a Zq81Lmx0 PING")).doesNotContain("Zq81Lmx0");
    }
}
