package io.dbsnap.s3;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * How the S3 client is set up: region and credentials from the SDK's standard chain (environment
 * {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, {@code ~/.aws},
 * instance roles, ...), plus for S3-compatible services (MinIO, Cloudflare R2, Supabase Storage)
 * {@code DBSNAP_S3_ENDPOINT} and {@code DBSNAP_S3_PATH_STYLE}. Each may also be given as a system
 * property ({@code dbsnap.s3.endpoint}, {@code dbsnap.s3.pathStyle}). Credentials never pass
 * through here: the SDK reads them itself, and nothing of them is stored, logged or shown.
 *
 * @param endpoint  the service's URL when not AWS
 * @param pathStyle {@code https://host/bucket/key} rather than {@code https://bucket.host/key}:
 *                  what MinIO and most S3-compatible services want; on by default with an endpoint
 * @param region    the region; {@code us-east-1} when the chain finds none and an endpoint is given
 */
record S3Settings(Optional<URI> endpoint, boolean pathStyle, Optional<Region> region) {

    static final String ENDPOINT_VARIABLE = "DBSNAP_S3_ENDPOINT";
    static final String PATH_STYLE_VARIABLE = "DBSNAP_S3_PATH_STYLE";

    static S3Settings fromEnvironment() {
        Optional<URI> endpoint = setting("dbsnap.s3.endpoint", ENDPOINT_VARIABLE).map(URI::create);
        boolean pathStyle = setting("dbsnap.s3.pathStyle", PATH_STYLE_VARIABLE).map(Boolean::parseBoolean)
                .orElse(endpoint.isPresent());
        // With an endpoint, not the whole chain: its last link asks the EC2 instance metadata
        // service, which off EC2 costs seconds of timeouts for a region MinIO ignores anyway.
        AwsRegionProvider regions = endpoint.isPresent()
                ? new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
                : DefaultAwsRegionProviderChain.builder().build();
        Optional<Region> region;
        try {
            region = Optional.of(regions.getRegion());
        } catch (SdkClientException e) {
            // S3-compatible services mostly ignore the region, but the request signature needs one
            region = endpoint.isPresent() ? Optional.of(Region.US_EAST_1) : Optional.empty();
        }
        return new S3Settings(endpoint, pathStyle, region);
    }

    private static Optional<String> setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
