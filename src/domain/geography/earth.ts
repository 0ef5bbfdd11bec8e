/**
 * The IUGG mean Earth radius: the sphere of the platform's own distances (2SFCA catchments, map
 * scales). The finder's search measures on PostgreSQL earthdistance's sphere instead, whose radius
 * its code keeps beside the SQL it must agree with.
 */
export const EARTH_RADIUS_KM = 6371.0088;
